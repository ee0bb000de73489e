using System.Globalization;
using System.Text.RegularExpressions;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// getOrders' <c>filter</c> (ebay.md "Poll orders incrementally"): comma-separated <c>name:value</c>; date ranges
/// <c>[start..]</c> or <c>[start..end]</c> in ISO-8601 UTC, inclusive; <c>orderfulfillmentstatus</c> takes only the two
/// documented sets. <c>[ ] { | }</c> must arrive percent-encoded. With both dates only creationdate counts; with
/// neither, orders created in the last 90 days.
/// </summary>
internal sealed partial record OrderFilter(
    DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo, DateTimeOffset? ModifiedFrom, DateTimeOffset? ModifiedTo, IReadOnlySet<string>? Statuses)
{
    private static readonly string[][] StatusSets = [["NOT_STARTED", "IN_PROGRESS"], ["FULFILLED", "IN_PROGRESS"]];

    public bool Matches(SandboxOrder order) =>
        (CreatedFrom is not null
            ? order.CreatedAt >= CreatedFrom && (CreatedTo is null || order.CreatedAt <= CreatedTo)
            : ModifiedFrom is null || (order.ModifiedAt >= ModifiedFrom && (ModifiedTo is null || order.ModifiedAt <= ModifiedTo)))
        && (Statuses is null || Statuses.Contains(FulfillmentProgress.OfOrder(order)));

    /// <param name="raw">The parameter as it was sent, still percent-encoded; null when absent.</param>
    public static (OrderFilter? Filter, IResult? Error) Parse(string? raw, DateTimeOffset now)
    {
        if (raw is null) return (new OrderFilter(now.AddDays(-90), null, null, null, null), null);
        var filter = new OrderFilter(null, null, null, null, null);
        foreach (var term in raw.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = term.IndexOf(':');
            var name = Uri.UnescapeDataString(colon < 0 ? term : term[..colon]);
            var encoded = colon < 0 ? "" : term[(colon + 1)..];
            var value = Uri.UnescapeDataString(encoded);
            if (name is not ("creationdate" or "lastmodifieddate" or "orderfulfillmentstatus")) return (null, FulfillmentErrors.InvalidFilterName(name));
            if (encoded.IndexOfAny(['[', ']', '{', '}', '|']) >= 0) return (null, FulfillmentErrors.InvalidFilterValue(name, value));
            if (name == "orderfulfillmentstatus")
            {
                var statuses = value.StartsWith('{') && value.EndsWith('}') ? value[1..^1].Split('|') : [];
                if (!StatusSets.Any(set => set.Order().SequenceEqual(statuses.Order())))
                    return (null, FulfillmentErrors.InvalidFilterValue(name, value));
                filter = filter with { Statuses = statuses.ToHashSet() };
                continue;
            }
            var range = DateRange().Match(value);
            if (!range.Success) return (null, FulfillmentErrors.InvalidFilterValue(name, value));
            if (range.Groups["start"].Value.Length == 0) return (null, FulfillmentErrors.MissingStartDate());
            if (!TryDate(range.Groups["start"].Value, out var start)) return (null, FulfillmentErrors.InvalidDate(range.Groups["start"].Value));
            DateTimeOffset? end = null;
            if (range.Groups["end"].Value is { Length: > 0 } endText)
            {
                if (!TryDate(endText, out var parsed)) return (null, FulfillmentErrors.InvalidDate(endText));
                end = parsed;
            }
            if (end < start) return (null, FulfillmentErrors.StartAfterEnd());
            if (start > now || end > now) return (null, FulfillmentErrors.FutureDate());
            filter = name == "creationdate" ? filter with { CreatedFrom = start, CreatedTo = end } : filter with { ModifiedFrom = start, ModifiedTo = end };
        }
        return (filter.CreatedFrom is null && filter.ModifiedFrom is null ? filter with { CreatedFrom = now.AddDays(-90) } : filter, null);
    }

    private static bool TryDate(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.FFF'Z'"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    [GeneratedRegex(@"^\[(?<start>.*?)\.\.(?<end>.*)\]$")]
    private static partial Regex DateRange();
}
