using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Polling;

namespace Marketplaces.WooCommerce.Orders;

/// <summary>
/// WooCommerce orders by <c>GET /wc/v3/orders</c> with <c>modified_after</c> and <c>dates_are_gmt=true</c>
/// (woocommerce.md §4, §6), walked page by page until <c>X-WP-TotalPages</c>. The page token is the next page number.
/// </summary>
/// <remarks>
/// Pages are ordered by id, not by modified date: an order changed during the walk keeps its place (it is re-read in
/// the next window), and a new order is appended after the others. Ordered by modified date, a changed order would
/// move to the end and shift every later page by one, so the walk would skip an order.
/// </remarks>
public sealed class WooCommerceOrdersFeed(TimeProvider clock) : OrdersFeed
{
    private readonly WooCommerceRest _rest = new(clock);

    /// <summary>WordPress refuses a larger per_page with rest_invalid_param.</summary>
    public const int MaxPerPage = 100;

    public override string MarketplaceId => WooCommerceRest.MarketplaceId;

    public override async Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct)
    {
        var page = pageToken is null ? 1
            : int.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 1 ? n
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Unreadable WooCommerce page token '{pageToken}'.");
        var url = PageUrl(context.Target.Endpoints.ApiBaseUrl, modifiedSince, Math.Clamp(context.PageSize, 1, MaxPerPage), page);
        using var response = await _rest.SendAsync(context, HttpMethod.Get, url, null, ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, WooCommerceError.From, ct);
        if (json.RootElement.ValueKind != JsonValueKind.Array)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, "WooCommerce answered the orders list with something that is not a list.");
        var orders = json.RootElement.EnumerateArray().Select(o => Read(context, o, "id", WooCommerceOrderMapping.ToMarketplaceOrder)).ToList();
        return new FeedPage(new OrderBatch(orders), page < TotalPages(response) ? (page + 1).ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <summary>
    /// One page of the orders modified after <paramref name="since"/>. WordPress compares whole seconds and
    /// <c>modified_after</c> is exclusive, so the bound is the second before.
    /// </summary>
    public static string PageUrl(string apiBase, DateTimeOffset since, int perPage, int page) =>
        $"{apiBase.TrimEnd('/')}/orders?modified_after={WooCommerceOrderMapping.Timestamp(since.AddSeconds(-1))}&dates_are_gmt=true" +
        $"&orderby=id&order=asc&per_page={perPage}&page={page}";

    private static int TotalPages(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-WP-TotalPages", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pages)
            ? pages
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "WooCommerce answered the orders list without X-WP-TotalPages.");
}
