using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Polling;

namespace Marketplaces.Etsy.Orders;

/// <summary>
/// Etsy orders by getShopReceipts with <c>min_last_modified</c> and <c>limit</c>/<c>offset</c> (etsy.md "Poll orders
/// incrementally"). The page token is the next offset. Pages are sorted by <c>receipt_id</c> ascending with no upper
/// time bound, not by <c>updated</c> as the sheet's example: a receipt changing during a walk then keeps its place
/// instead of jumping to the end and shifting an unchanged one past the offset; the change itself is read in the
/// next window.
/// </summary>
public sealed class EtsyOrdersFeed : OrdersFeed
{
    /// <summary>getShopReceipts refuses a larger limit.</summary>
    public const int MaxLimit = 100;

    public override string MarketplaceId => "etsy";

    public override async Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct)
    {
        var offset = pageToken is null ? 0
            : int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var next) ? next
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"The Etsy orders page token '{pageToken}' is not an offset.");
        var limit = Math.Clamp(context.PageSize, 1, MaxLimit);
        using var response = await context.SendAsync(token => EtsyApi.ShopRequest(HttpMethod.Get, context, token, ReceiptsQuery(modifiedSince, limit, offset)), ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, context.Target.Marketplace.Name, ct);
        var root = json.RootElement;
        var receipts = root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
            ? results.EnumerateArray().Select(r => Read(context, r, "receipt_id", EtsyReceiptMapping.ToMarketplaceOrder)).ToList()
            : [];
        var count = root.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : 0;
        var more = receipts.Count > 0 && offset + receipts.Count < count;
        return new FeedPage(new OrderBatch(receipts), more ? (offset + receipts.Count).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The receipts path and query after <c>/shops/{shop_id}</c>; <c>min_last_modified</c> in whole seconds, rounded down.</summary>
    public static string ReceiptsQuery(DateTimeOffset modifiedSince, int limit, int offset) => string.Create(CultureInfo.InvariantCulture,
        $"/receipts?min_last_modified={modifiedSince.ToUnixTimeSeconds()}&sort_on=receipt_id&sort_order=asc&limit={limit}&offset={offset}");
}
