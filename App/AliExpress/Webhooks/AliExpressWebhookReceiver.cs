using Marketplaces.Database;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.AliExpress.Webhooks;

/// <summary>
/// AliExpress's order-status push (aliexpress.md §6). How AliExpress signs pushes is not in the sheet's sources
/// (UNCONFIRMED there), so nothing in a push is believed: one is accepted only for an order this app placed, and all
/// it does is have the app read that order again with <c>trade.ds.order.get</c>, as the sheet advises. A forged push
/// can at most cause that read, at most once a minute per order (<see cref="AliExpressOrderPushes"/>).
/// </summary>
public sealed class AliExpressWebhookReceiver(IDbContextFactory<AppDbContext> contexts) : IWebhookReceiver
{
    public const string Marketplace = "aliexpress";

    public string MarketplaceId => Marketplace;

    public async Task<WebhookVerdict> ReceiveAsync(WebhookRequest request, CancellationToken ct)
    {
        if (AliExpressOrderPush.Read(request.Body) is not { } push)
            return new WebhookVerdict.Refused("An AliExpress delivery whose body is not the order-status push");
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await push.PlacedAsync(db, ct) is { } placed
            ? new WebhookVerdict.Accepted(placed.ConnectionId, push.DeliveryId, AliExpressOrderPush.Topic, WebhookKind.SupplierOrderStatus)
            : new WebhookVerdict.Refused("The push names no AliExpress order placed from this app");
    }
}
