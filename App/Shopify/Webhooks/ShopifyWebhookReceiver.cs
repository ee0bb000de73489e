using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Shopify.Webhooks;

/// <summary>
/// Shopify deliveries (shopify.md §3): the five headers Shopify's own library requires, then
/// <c>X-Shopify-Hmac-Sha256</c> over the raw body with the app's client secret. The shop domain header finds the
/// connection but is trusted only once the signature verifies; with accounts of the shop in several environments,
/// each environment's secret is tried, and within an hour of its rotation the previous one, with which Shopify may still
/// sign. Deduplicated on <c>X-Shopify-Webhook-Id</c>.
/// </summary>
public sealed class ShopifyWebhookReceiver(IDbContextFactory<AppDbContext> contexts, AppCredentialStore credentials, MarketplaceCatalog catalog)
    : IWebhookReceiver
{
    private static readonly string[] Required =
        ["X-Shopify-Hmac-Sha256", "X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id"];

    public string MarketplaceId => "shopify";

    public async Task<WebhookVerdict> ReceiveAsync(WebhookRequest request, CancellationToken ct)
    {
        if (Required.FirstOrDefault(h => string.IsNullOrEmpty(request.Headers[h])) is { } missing)
            return new WebhookVerdict.Refused($"A Shopify delivery without {missing}");
        var shop = request.Headers["X-Shopify-Shop-Domain"].ToString().Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var accounts = await db.Set<Connection>().AsNoTracking()
            .Where(c => c.Marketplace == MarketplaceId && c.AccountParameter == shop)
            .Select(c => new { c.Id, c.Environment, c.State }).ToListAsync(ct);
        var environments = accounts.Count > 0
            ? accounts.Select(a => a.Environment).Distinct()
            : catalog[MarketplaceId].Environments.Keys.Select(Enum.Parse<MarketplaceEnvironment>);
        foreach (var environment in environments)
        {
            var secret = (await credentials.ReadAsync(MarketplaceId, environment, ct)).FirstOrDefault(v => v.Field.Key == "clientSecret");
            if (!new[] { secret?.Value, secret?.Previous }.OfType<string>().Any(s => Base64HmacSignature.Verifies(s, request.Body, request.Headers["X-Shopify-Hmac-Sha256"]))) continue;
            var account = accounts.Where(a => a.Environment == environment).OrderBy(a => a.State == ConnectionState.Connected ? 0 : 1).FirstOrDefault();
            var topic = request.Headers["X-Shopify-Topic"].ToString();
            return new WebhookVerdict.Accepted(account?.Id, request.Headers["X-Shopify-Webhook-Id"].ToString(), topic, KindOf(topic));
        }
        return new WebhookVerdict.Refused("The HMAC does not verify with the app's client secret", accounts.FirstOrDefault()?.Id);
    }

    private static WebhookKind KindOf(string topic) => topic switch
    {
        "customers/data_request" => WebhookKind.CustomerDataRequest,
        "customers/redact" => WebhookKind.CustomerRedact,
        "shop/redact" => WebhookKind.ShopRedact,
        _ when topic.StartsWith("orders/", StringComparison.Ordinal) => WebhookKind.Orders,
        _ => WebhookKind.Other,
    };
}
