using System.Globalization;
using System.Text.RegularExpressions;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// A GET's parameters checked as WebserviceRequest::manageFilters and setFieldsToDisplay check them (prestashop.md §5):
/// filter[field] on known fields only, date_add/date_upd only with <c>date=1</c> (for sort too), display full or
/// [fields], sort [field_ASC,…], limit N or offset,count. Stricter than PrestaShop, which ignores what it does not
/// know: an unknown parameter and a limit that is not numbers are refused, so a client's typo shows.
/// </summary>
public sealed partial class PrestaShopListQuery
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "output_format", "io_format", "display", "date", "sort", "limit", "ws_key", "language", "id_shop", "id_group_shop", "sendemail",
    };

    private static readonly string[] DateFields = ["date_add", "date_upd"];

    private readonly List<(string Field, string Value)> _filters = [];
    private readonly List<(string Field, bool Descending)> _sorts = [];
    private (int Offset, int Count)? _limit;

    private static readonly IComparer<string> ValueOrder = Comparer<string>.Create(PrestaShopFilter.Compare);

    private PrestaShopListQuery() { }

    /// <summary>The fields to print: null for ids only (no display), else in order.</summary>
    public IReadOnlyList<string>? Display { get; private set; }

    /// <returns>The error to answer (code, message, HTTP 400), or null with <paramref name="query"/> set.</returns>
    public static (int Code, string Message)? TryParse(IQueryCollection parameters, IReadOnlyList<string> fields, out PrestaShopListQuery query)
    {
        query = new PrestaShopListQuery();
        var dated = parameters["date"].ToString() is { Length: > 0 } date && date != "0";
        var filterable = new List<string> { "id" };
        filterable.AddRange(fields.Where(f => dated || !DateFields.Contains(f)));
        if (dated) filterable.AddRange(DateFields.Where(f => !filterable.Contains(f)));

        foreach (var (name, value) in parameters)
        {
            if (name.StartsWith("filter[", StringComparison.Ordinal))
            {
                if (FilterName().Match(name) is not { Success: true } filter)
                    return (31, "There is no existing linked table for this resource");
                var field = filter.Groups[1].Value;
                if (!filterable.Contains(field)) return DidYouMean(32, "This filter does not exist", field, filterable);
                if (value.ToString().Length == 0) return (33, $"The filter \"{field}\" is malformed.");
                query._filters.Add((field, value.ToString()));
            }
            else if (!Known.Contains(name)) return (999, $"The parameter \"{name}\" is not one the webservice reads (the sandbox refuses it; PrestaShop would ignore it).");
        }
        return query.ParseDisplay(parameters["display"].ToString(), fields)
            ?? query.ParseSort(parameters["sort"].ToString(), filterable)
            ?? query.ParseLimit(parameters["limit"].ToString());
    }

    public IReadOnlyList<PrestaShopRow> Apply(IEnumerable<PrestaShopRow> rows)
    {
        var selected = rows.Where(r => _filters.All(f => PrestaShopFilter.Matches(Value(r, f.Field), f.Value)));
        IOrderedEnumerable<PrestaShopRow>? sorted = null;
        foreach (var (field, descending) in _sorts)
        {
            Func<PrestaShopRow, string> key = r => Value(r, field);
            sorted = sorted is null
                ? descending ? selected.OrderByDescending(key, ValueOrder) : selected.OrderBy(key, ValueOrder)
                : descending ? sorted.ThenByDescending(key, ValueOrder) : sorted.ThenBy(key, ValueOrder);
        }
        var ordered = (sorted ?? selected.OrderBy(r => r.Id)).AsEnumerable();
        return (_limit is { } limit ? ordered.Skip(limit.Offset).Take(limit.Count) : ordered).ToList();
    }

    /// <summary>A field's value; a multilingual one's in the default language (filters and sorts on i18n fields read that one).</summary>
    public static string Value(PrestaShopRow row, string field) =>
        field == "id" ? row.Id.ToString(CultureInfo.InvariantCulture)
        : row.Translations.TryGetValue(field, out var texts) ? texts.GetValueOrDefault(1, "")
        : row.Values.GetValueOrDefault(field, "");

    /// <summary>
    /// The languages a multilingual field is printed in: <c>language=1</c>, <c>language=[1|2]</c> or <c>[1,3]</c> (a
    /// range), else all (prestashop.md §2).
    /// </summary>
    public static Func<int, bool> Languages(IQueryCollection parameters)
    {
        var value = parameters["language"].ToString();
        if (value.Length == 0) return _ => true;
        var inner = value.Trim('[', ']');
        if (inner.Split(',') is [var from, var to] && int.TryParse(from, out var low) && int.TryParse(to, out var high)) return id => id >= low && id <= high;
        var ids = inner.Split('|').Select(v => int.TryParse(v, out var id) ? id : -1).ToHashSet();
        return ids.Contains;
    }

    private (int, string)? ParseDisplay(string value, IReadOnlyList<string> fields)
    {
        var available = string.Join(", ", ["id", .. fields]);
        if (value.Length == 0 || value == "minimum") return null;
        if (value == "full")
        {
            Display = ["id", .. fields];
            return null;
        }
        if (value.Length < 2 || value[0] != '[' || value[^1] != ']')
            return (36, $"The 'display' syntax is wrong. You can set 'full' or '[field_1,field_2,field_3,...]'. These are available: {available}");
        var wanted = value[1..^1].Split(',', StringSplitOptions.TrimEntries);
        if (wanted.FirstOrDefault(f => f != "id" && !fields.Contains(f)) is { } unknown)
            return (35, $"Unable to display this field \"{unknown}\". However, these are available: {available}");
        Display = wanted;
        return null;
    }

    private (int, string)? ParseSort(string value, IReadOnlyList<string> sortable)
    {
        if (value.Length == 0) return null;
        var sorts = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1].Split(',') : [value];
        foreach (var sort in sorts)
        {
            var split = sort.LastIndexOf('_');
            var direction = split < 0 ? "" : sort[(split + 1)..].ToUpperInvariant();
            if (direction is not ("ASC" or "DESC"))
                return (37, "The \"sort\" value has to be formed as this example: \"field_ASC\" or '[field_1_DESC,field_2_ASC,field_3_ASC,...]' (\"field\" has to be an available field)");
            var field = sort[..split];
            if (!sortable.Contains(field))
                return (38, $"Unable to filter by this field. However, these are available: {string.Join(", ", sortable)}, for i18n fields:");
            _sorts.Add((field, direction == "DESC"));
        }
        return null;
    }

    private (int, string)? ParseLimit(string value)
    {
        if (value.Length == 0) return null;
        var parts = value.Split(',');
        if (parts.Length > 2 || !parts.All(p => p.Trim().Length > 0 && p.Trim().All(char.IsAsciiDigit)))
            return (39, "The \"limit\" value has to be formed as this example: \"5,25\" or \"10\"");
        var numbers = parts.Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
        _limit = numbers.Length == 2 ? (numbers[0], numbers[1]) : (0, numbers[0]);
        return null;
    }

    private static (int, string) DidYouMean(int code, string label, string value, IReadOnlyList<string> values) =>
        (code, $"{label}. Did you mean: \"{values.MinBy(v => Distance(value, v))}\"? The full list is: \"{string.Join("\", \"", values)}\"");

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }

    [GeneratedRegex(@"^filter\[([^\[\]]+)\]$")]
    private static partial Regex FilterName();
}
