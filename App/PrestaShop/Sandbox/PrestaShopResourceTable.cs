using System.Globalization;
using System.Xml.Linq;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>One resource row: its id and its other fields as the webservice prints them (strings).</summary>
public sealed record PrestaShopRow(int Id, IReadOnlyDictionary<string, string> Values);

/// <summary>
/// A read-only webservice resource over rows (prestashop.md §2 and §5): lists with filter[field] and display
/// (without display only ids and links), one row by id (404 with an empty body when missing), XML or JSON.
/// </summary>
public sealed class PrestaShopResourceTable(string plural, string singular, IReadOnlyList<string> fields, Func<IReadOnlyList<PrestaShopRow>> rows, PrestaShopSandboxShop shop)
{
    public string Plural => plural;

    public IResult List(HttpRequest request)
    {
        var output = PrestaShopOutput.For(request);
        var selected = rows().AsEnumerable();
        foreach (var (parameter, value) in request.Query.Where(q => q.Key.StartsWith("filter[", StringComparison.Ordinal) && q.Key.EndsWith(']')))
        {
            var field = parameter["filter[".Length..^1];
            if (field != "id" && !fields.Contains(field))
                return output.Errors(400, (32, $"This filter does not exist. Did you mean: \"{fields[0]}\"? The full list is: \"{string.Join("\", \"", fields)}\""));
            selected = selected.Where(r => PrestaShopFilter.Matches(Value(r, field), value.ToString()));
        }
        if (!TryDisplay(request, out var display)) return DisplayError(output);
        return Render(output, selected.ToList(), display);
    }

    public IResult Single(int id, HttpRequest request)
    {
        var output = PrestaShopOutput.For(request);
        if (rows().FirstOrDefault(r => r.Id == id) is not { } row) return PrestaShopOutput.EmptyNotFound(request.HttpContext);
        if (!TryDisplay(request, out var display)) return DisplayError(output);
        // With display present the single row comes back as a one-element list under the plural name.
        if (display is not null) return Render(output, [row], display);
        var all = Fields(null);
        return output.Document(new Dictionary<string, object> { [singular] = Json(row, all) }, () => Xml(row, all));
    }

    private IResult Render(PrestaShopOutput output, IReadOnlyList<PrestaShopRow> selected, IReadOnlyList<string>? display) =>
        display is null
            ? output.Document(new Dictionary<string, object> { [plural] = selected.Select(r => new { id = r.Id }) },
                () => new XElement(plural, selected.Select(r => new XElement(singular,
                    new XAttribute("id", r.Id), new XAttribute(PrestaShopOutput.XLink + "href", $"{shop.ApiUrl}/{plural}/{r.Id}")))))
            : output.Document(new Dictionary<string, object> { [plural] = selected.Select(r => Json(r, display)) },
                () => new XElement(plural, selected.Select(r => Xml(r, display))));

    private bool TryDisplay(HttpRequest request, out IReadOnlyList<string>? display)
    {
        var value = request.Query["display"].ToString();
        display = null;
        if (value.Length == 0) return true;
        if (value == "full")
        {
            display = Fields(null);
            return true;
        }
        if (value.Length < 2 || value[0] != '[' || value[^1] != ']') return false;
        var wanted = value[1..^1].Split(',', StringSplitOptions.TrimEntries);
        display = wanted.All(f => f == "id" || fields.Contains(f)) ? wanted : null;
        return display is not null;
    }

    private IResult DisplayError(PrestaShopOutput output) => output.Errors(400, (36,
        $"The \"display\" syntax is wrong. You can set \"full\" or \"[field_1,field_2,field_3,...]\". These are available fields: id, {string.Join(", ", fields)}"));

    private IReadOnlyList<string> Fields(IReadOnlyList<string>? display) => display ?? ["id", .. fields];

    private static string Value(PrestaShopRow row, string field) =>
        field == "id" ? row.Id.ToString(CultureInfo.InvariantCulture) : row.Values.GetValueOrDefault(field, "");

    /// <summary>JSON: id is a number, every other value a string.</summary>
    private static Dictionary<string, object> Json(PrestaShopRow row, IReadOnlyList<string> display) =>
        display.ToDictionary(f => f, f => f == "id" ? (object)row.Id : Value(row, f));

    private XElement Xml(PrestaShopRow row, IReadOnlyList<string> display) =>
        new(singular, display.Select(f => new XElement(f, new XCData(Value(row, f)))));
}
