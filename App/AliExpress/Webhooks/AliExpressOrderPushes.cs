using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.AliExpress.Webhooks;

/// <summary>
/// An accepted order-status push: the supplier order is read again from AliExpress (and, once it has a tracking number,
/// that goes to the selling channel as the seller set), unless it was read less than <see cref="Spacing"/> ago.
/// </summary>
public sealed class AliExpressOrderPushes(IDbContextFactory<AppDbContext> contexts, SupplierOrdering ordering, TimeProvider clock) : IWebhookHandler
{
    public const string Actor = "AliExpress push";
    public static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1);

    public bool Handles(WebhookEvent delivery) =>
        delivery.Kind == WebhookKind.SupplierOrderStatus && delivery.Marketplace == AliExpressWebhookReceiver.Marketplace;

    public async Task<(bool Failed, string Outcome)> HandleAsync(WebhookEvent delivery, CancellationToken ct)
    {
        if (AliExpressOrderPush.Read(System.Text.Encoding.UTF8.GetBytes(delivery.Body ?? "")) is not { } push) return (true, "The stored push cannot be read");
        SupplierOrder? placed;
        await using (var db = await contexts.CreateDbContextAsync(ct)) placed = await push.PlacedAsync(db, ct);
        if (placed is null) return (false, $"AliExpress order {push.OrderId} is no longer a supplier order here");
        if (placed.CheckedAt > clock.GetUtcNow() - Spacing)
            return (false, $"AliExpress order {push.OrderId} ({push.Status}) was read less than a minute ago; the next check reads it again");
        var outcome = await ordering.RefreshAsync(placed.OrderId, Actor, ct);
        return (false, $"AliExpress order {push.OrderId} ({push.Status}) read again: {outcome.Message}");
    }
}
