using System.Globalization;
using CsvHelper;
using Marketplaces.Catalog;
using Marketplaces.Settings;

namespace Marketplaces.Orders.Listing;

/// <summary>
/// The orders list as a CSV file, with the list's filter (the same query string), newest first: one row per order,
/// its items in one column. Streamed page by page, so a large export never sits whole in memory. Buyer data: signed-in users only.
/// </summary>
public static class OrderExport
{
    public const string Path = "/orders/export.csv";
    private const int PageSize = OrderQueries.MaxPageSize;

    public static string For(OrderListFilter filter) => OrderListUrl.For(filter, Path);

    public static void MapOrderExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, ExportAsync).RequireAuthorization();

    private static async Task ExportAsync(HttpContext http, OrderQueries queries, MarketplaceCatalog catalog, ShopTimeZone timeZone, TimeProvider clock,
        CancellationToken ct)
    {
        var zone = await timeZone.CurrentAsync(ct);
        var filter = OrderListUrl.Read(http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.LastOrDefault()));
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"orders-{clock.GetUtcNow():yyyy-MM-dd}.csv\"";
        http.Response.Headers.CacheControl = "no-store";
        // A buyer name or SKU starting with = + - @ is escaped, so that a spreadsheet never runs it as a formula; the byte
        // order mark makes Excel read the file as UTF-8.
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(http.Response.Body, options, leaveOpen: true);
        await csv.WriteRecordAsync(Headers(zone), ct);
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await queries.PageAsync(filter, OrderSort.Newest, skip, PageSize, ct);
            foreach (var row in page.Rows) await csv.WriteRecordAsync(Fields(row, catalog, zone), ct);
            await csv.FlushAsync(ct);
            if (page.Rows.Count < PageSize) break;
        }
    }

    private static string[] Headers(ShopZone zone) =>
        [$"Created ({zone.Id})", "Channel", "Connection", "Order", "Buyer", "Status", "Marketplace status", "Items", "Ship to", $"Ship by ({zone.Id})", "Total", "Currency"];

    private static string?[] Fields(OrderRow row, MarketplaceCatalog catalog, ShopZone zone) =>
    [
        $"{zone.Date(row.CreatedAt)} {zone.Time(row.CreatedAt)}",
        catalog[row.Marketplace].Name,
        row.ConnectionName,
        row.OrderNumber,
        row.BuyerName,
        OrderStatusBadge.Text(row.Status),
        row.MarketplaceStatus,
        string.Join("; ", row.Items.Select(i => $"{i.Name} x {i.Quantity}")),
        row.Country,
        row.ShipBy is { } shipBy ? $"{zone.Date(shipBy)} {zone.Time(shipBy)}" : null,
        row.Total.ToString(CultureInfo.InvariantCulture),
        row.Currency,
    ];
}
