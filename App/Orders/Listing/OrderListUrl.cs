using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Orders.Listing;

/// <summary>
/// The orders list's filter in its address (<c>/orders?channel=ebay&amp;status=awaiting-shipment</c>), so a filtered
/// list can be bookmarked, shared and linked to from the dashboard.
/// </summary>
public static class OrderListUrl
{
    public const string Path = "/orders";
    public const string AwaitingShipmentStatus = "awaiting-shipment";

    public static string AwaitingShipment(string marketplace) => For(new OrderListFilter(Marketplace: marketplace, AwaitingShipment: true));

    /// <param name="path">Another address taking the same filter (the CSV export).</param>
    public static string For(OrderListFilter filter, string path = Path) => QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        ["channel"] = filter.Marketplace,
        ["connection"] = filter.ConnectionId?.ToString(),
        ["status"] = filter.AwaitingShipment ? AwaitingShipmentStatus : filter.Status?.ToString(),
        ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["q"] = string.IsNullOrEmpty(filter.Search) ? null : filter.Search,
    }.Where(p => p.Value is not null));

    /// <summary>The filter an address names; what does not parse is left out rather than refused.</summary>
    public static OrderListFilter Read(IReadOnlyDictionary<string, string?> query)
    {
        string? Get(string name) => query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
        DateOnly? Day(string name) => DateOnly.TryParseExact(Get(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var status = Get("status");
        return new OrderListFilter(
            Get("channel"),
            Guid.TryParse(Get("connection"), out var connection) ? connection : null,
            Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
            Day("from"), Day("to"), Get("q"),
            status == AwaitingShipmentStatus);
    }
}
