using Marketplaces.Orders;
using Marketplaces.Polling;

namespace Marketplaces.PrestaShop.Orders;

/// <summary>
/// PrestaShop orders by the webservice (prestashop.md §5, worked example H): orders whose date_upd is in the window
/// [since, end] in shop time, oldest change first, <c>limit=offset,count</c>. PrestaShop gives no total: a full page
/// means there may be another. Each page also reads the shop's settings and what its orders refer to.
/// </summary>
public sealed class PrestaShopOrdersFeed(TimeProvider clock) : OrdersFeed
{
    public override string MarketplaceId => "prestashop";

    public override async Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct)
    {
        var api = new PrestaShopApi(context);
        var shop = await PrestaShopShopSettings.ReadAsync(api, ct);
        var page = pageToken is null ? new PrestaShopOrdersPage(0, shop.Time.Local(clock.GetUtcNow())) : PrestaShopOrdersPage.Parse(pageToken);
        var orders = await api.ListAsync("orders", Query(shop.Time.Local(modifiedSince), page, context.PageSize), ct);
        var related = await PrestaShopOrderRelations.ReadAsync(api, orders, ct);
        return new FeedPage(
            new OrderBatch(orders.Select(o => Read(context, o, "id", order => PrestaShopOrderMapping.ToMarketplaceOrder(order, related, shop))).ToList()),
            orders.Count >= context.PageSize ? page.Next(orders.Count).Token : null);
    }

    /// <summary>The list query after <c>output_format=JSON</c>; <c>date=1</c> is what allows filtering and sorting by date_upd.</summary>
    public static string Query(string from, PrestaShopOrdersPage page, int count) => PrestaShopQuery.Build(
        ("display", "full"),
        ("date", "1"),
        ("filter[date_upd]", $"[{from},{page.WindowEnd}]"),
        ("sort", "[date_upd_ASC,id_ASC]"),
        ("limit", $"{page.Offset},{count}"));
}
