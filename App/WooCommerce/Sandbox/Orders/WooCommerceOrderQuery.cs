using System.Globalization;
using System.Text.RegularExpressions;
using Marketplaces.Sandbox.Orders;
using Microsoft.Extensions.Primitives;
using static Marketplaces.WooCommerce.Sandbox.WooCommerceQueryArguments;

namespace Marketplaces.WooCommerce.Sandbox.Orders;

/// <summary>
/// The collection arguments of <c>GET /wc/v3/orders</c> (woocommerce.md §4, §6) validated as WordPress validates
/// them against the route's schema, and applied: filters, order, page or offset.
/// </summary>
internal sealed partial record WooCommerceOrderQuery(
    int PerPage, int Page, int? Offset, bool Descending, string OrderBy, IReadOnlySet<string>? Statuses,
    DateTimeOffset? After, DateTimeOffset? Before, DateTimeOffset? ModifiedAfter, DateTimeOffset? ModifiedBefore)
{
    public const int MaxPerPage = 100;

    public static readonly string[] OrderStatuses = ["pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed", "checkout-draft"];
    private static readonly string[] StatusFilters = ["any", "trash", .. OrderStatuses];
    private static readonly string[] OrderBys = ["date", "id", "include", "title", "slug", "modified"];

    public static (WooCommerceOrderQuery? Query, IResult? Error) Parse(IQueryCollection query)
    {
        var invalid = new Dictionary<string, (string, string)>();
        var perPage = Integer(query, "per_page", 10, 1, MaxPerPage, invalid);
        var page = Integer(query, "page", 1, 1, null, invalid);
        int? offset = query.ContainsKey("offset") ? Integer(query, "offset", 0, null, null, invalid) : null;
        var order = Enum(query, "order", "desc", ["asc", "desc"], invalid);
        var orderBy = Enum(query, "orderby", "date", OrderBys, invalid);
        var gmt = Boolean(query, "dates_are_gmt", invalid);
        DateTimeOffset? Date(string name) => DateArgument(query, name, gmt, invalid);
        var (after, before, modifiedAfter, modifiedBefore) = (Date("after"), Date("before"), Date("modified_after"), Date("modified_before"));
        var statuses = StatusFilter(query, invalid);
        if (invalid.Count > 0) return (null, WooCommerceErrors.InvalidParams(invalid));
        return (new WooCommerceOrderQuery(perPage, page, offset, order == "desc", orderBy, statuses, after, before, modifiedAfter, modifiedBefore), null);
    }

    /// <summary>The page asked for, the number of matching orders and of pages. Dates compare in whole seconds, bounds exclusive.</summary>
    public (IReadOnlyList<SandboxOrder> Orders, int Total, int TotalPages) Apply(IReadOnlyList<SandboxOrder> orders, Func<SandboxOrder, string> status)
    {
        static DateTimeOffset S(DateTimeOffset at) => WooCommerceOrderJson.Seconds(at);
        var matching = orders.Where(o =>
            (Statuses is null ? status(o) != "trash" : Statuses.Contains(status(o)))
            && (After is null || S(o.CreatedAt) > After) && (Before is null || S(o.CreatedAt) < Before)
            && (ModifiedAfter is null || S(o.ModifiedAt) > ModifiedAfter) && (ModifiedBefore is null || S(o.ModifiedAt) < ModifiedBefore)).ToList();
        Func<SandboxOrder, DateTimeOffset> key = OrderBy switch
        {
            "date" => o => S(o.CreatedAt),
            "modified" => o => S(o.ModifiedAt),
            _ => _ => default,
        };
        static long Id(SandboxOrder o) => long.Parse(o.Id, CultureInfo.InvariantCulture);
        var sorted = Descending ? matching.OrderByDescending(key).ThenByDescending(Id) : matching.OrderBy(key).ThenBy(Id);
        var skip = Offset ?? (Page - 1) * PerPage;
        return (sorted.Skip(skip).Take(PerPage).ToList(), matching.Count, (matching.Count + PerPage - 1) / PerPage);
    }

    /// <summary>
    /// An RFC 3339 date-time as rest_parse_date reads it. Without a zone it is in the column compared: GMT with
    /// dates_are_gmt, else the store's time.
    /// </summary>
    private static DateTimeOffset? DateArgument(IQueryCollection query, string name, bool gmt, Dictionary<string, (string, string)> invalid)
    {
        if (!query.TryGetValue(name, out var raw)) return null;
        var match = DateTimeText().Match(raw.Last());
        if (!match.Success || !DateTime.TryParseExact(match.Groups["at"].Value.Replace(' ', 'T').Replace('t', 'T'),
                "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            invalid[name] = ("rest_invalid_date", "Invalid date.");
            return null;
        }
        var zone = match.Groups["zone"].Value;
        var offset = zone is "" ? (gmt ? TimeSpan.Zero : WooCommerceSandboxStore.GmtOffset)
            : zone is "Z" or "z" ? TimeSpan.Zero
            : ZoneOffset(zone[1..].Replace(":", "", StringComparison.Ordinal)) * (zone[0] == '-' ? -1 : 1);
        return new DateTimeOffset(at, offset).ToUniversalTime();
    }

    private static TimeSpan ZoneOffset(string digits) =>
        new(int.Parse(digits[..2], CultureInfo.InvariantCulture), digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0, 0);

    /// <summary><c>status</c> as a list (comma-separated, or all the <c>status[]</c>); absent or <c>any</c>: every status but trash.</summary>
    private static IReadOnlySet<string>? StatusFilter(IQueryCollection query, Dictionary<string, (string, string)> invalid)
    {
        var values = StringValues.Concat(query.TryGetValue("status", out var status) ? status.Last() : StringValues.Empty, query["status[]"])
            .SelectMany(v => (v ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (values.Count == 0 || values.Contains("any")) return null;
        if (values.FirstOrDefault(v => !StatusFilters.Contains(v)) is { } wrong)
        {
            invalid["status"] = ("rest_not_in_enum", $"status[{values.IndexOf(wrong)}] is not one of {WooCommerceErrors.List(StatusFilters)}.");
            return null;
        }
        return values.ToHashSet();
    }

    [GeneratedRegex(@"^(?<at>\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2})(?:\.\d+)?(?<zone>Z|z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex DateTimeText();
}
