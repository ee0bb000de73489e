using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.WooCommerce.Webhooks;

/// <summary>
/// WooCommerce deliveries (woocommerce.md §7): the unsigned ping <c>webhook_id=N</c> sent when a webhook is created is
/// answered and ignored; a delivery is found by <c>X-WC-Webhook-ID</c> among this app's subscriptions of the store named
/// by <c>X-WC-Webhook-Source</c> and verified with that subscription's own secret. <c>X-WC-Webhook-Delivery-ID</c> is
/// not unique, so a delivery is identified by the webhook and the SHA-256 of its body.
/// </summary>
public sealed partial class WooCommerceWebhookReceiver(IDbContextFactory<AppDbContext> contexts, WebhookSubscriptions subscriptions) : IWebhookReceiver
{
    public string MarketplaceId => "woocommerce";

    public async Task<WebhookVerdict> ReceiveAsync(WebhookRequest request, CancellationToken ct)
    {
        var signature = request.Headers["X-WC-Webhook-Signature"].ToString();
        if (signature.Length == 0 && PingBody().IsMatch(Encoding.UTF8.GetString(request.Body))) return new WebhookVerdict.Ping();
        var (webhookId, topic, source) = (request.Headers["X-WC-Webhook-ID"].ToString(), request.Headers["X-WC-Webhook-Topic"].ToString(),
            request.Headers["X-WC-Webhook-Source"].ToString().TrimEnd('/'));
        if (signature.Length == 0 || webhookId.Length == 0 || topic.Length == 0 || source.Length == 0)
            return new WebhookVerdict.Refused("A WooCommerce delivery without its X-WC-Webhook headers");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = await db.Set<WebhookSubscription>().AsNoTracking()
            .Join(db.Set<Connection>().Where(c => c.Marketplace == MarketplaceId), s => s.ConnectionId, c => c.Id, (s, c) => new { Subscription = s, c.AccountParameter })
            .Where(x => x.Subscription.RemoteId == webhookId).ToListAsync(ct);
        var subscription = candidates.FirstOrDefault(x => string.Equals(x.AccountParameter?.TrimEnd('/'), source, StringComparison.OrdinalIgnoreCase))?.Subscription;
        if (subscription?.SecretCiphertext is null) return new WebhookVerdict.Refused($"No subscription of this app is webhook {webhookId} of that store");
        if (!Base64HmacSignature.Verifies(subscriptions.Secret(subscription), request.Body, signature))
            return new WebhookVerdict.Refused("The signature does not verify with the webhook's secret", subscription.ConnectionId);
        return new WebhookVerdict.Accepted(subscription.ConnectionId, $"{webhookId}:{Convert.ToHexStringLower(SHA256.HashData(request.Body))}", topic,
            topic.StartsWith("order.", StringComparison.Ordinal) ? WebhookKind.Orders : WebhookKind.Other);
    }

    [GeneratedRegex(@"^webhook_id=\d+$")]
    private static partial Regex PingBody();
}
