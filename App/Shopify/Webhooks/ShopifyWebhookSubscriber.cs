using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.RateLimits;
using Marketplaces.Webhooks;

namespace Marketplaces.Shopify.Webhooks;

/// <summary>
/// Shop-specific subscriptions through the Admin GraphQL API: <c>webhookSubscriptions</c>, <c>webhookSubscriptionCreate</c>
/// with the input's <c>uri</c> (2025-10 on; shopify.md §3 names <c>callbackUrl</c>, which the object now marks deprecated)
/// and <c>webhookSubscriptionDelete</c>. Deliveries are signed with the app's secret. Shopify removes a subscription whose
/// deliveries keep failing rather than disabling it, so every listed one is active.
/// </summary>
public sealed class ShopifyWebhookSubscriber(RateLimiter limiter) : IWebhookSubscriber
{
    private const string List = """
        query Subscriptions($uri: String) {
          webhookSubscriptions(first: 100, uri: $uri) { nodes { id topic uri } }
        }
        """;

    private const string Create = """
        mutation Subscribe($topic: WebhookSubscriptionTopic!, $webhookSubscription: WebhookSubscriptionInput!) {
          webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
            webhookSubscription { id topic uri }
            userErrors { field message }
          }
        }
        """;

    private const string Delete = """
        mutation Unsubscribe($id: ID!) {
          webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } }
        }
        """;

    public string MarketplaceId => "shopify";

    public bool OwnSecrets => false;

    public async Task<IReadOnlyList<RemoteWebhook>> ListAsync(ConnectionApi api, string address, CancellationToken ct)
    {
        var data = await ShopifyAdminGraphQl.QueryAsync(api, limiter, List, new { uri = address }, ct);
        return data.GetProperty("webhookSubscriptions").GetProperty("nodes").EnumerateArray().Select(Remote).ToList();
    }

    public async Task<RemoteWebhook> CreateAsync(ConnectionApi api, string topic, string address, string? secret, CancellationToken ct)
    {
        var payload = (await ShopifyAdminGraphQl.QueryAsync(api, limiter, Create,
            new { topic, webhookSubscription = new { uri = address, format = "JSON" } }, ct)).GetProperty("webhookSubscriptionCreate");
        Refused(payload, $"subscribe to {topic}");
        return Remote(payload.GetProperty("webhookSubscription"));
    }

    public Task EnableAsync(ConnectionApi api, RemoteWebhook webhook, CancellationToken ct) => Task.CompletedTask;

    public async Task DeleteAsync(ConnectionApi api, string remoteId, CancellationToken ct)
    {
        var payload = (await ShopifyAdminGraphQl.QueryAsync(api, limiter, Delete, new { id = remoteId }, ct)).GetProperty("webhookSubscriptionDelete");
        // A subscription Shopify already removed answers "Webhook subscription does not exist": the wanted state.
        if (payload.GetProperty("userErrors").EnumerateArray().Any(e => !(e.GetProperty("message").GetString() ?? "").Contains("does not exist", StringComparison.Ordinal)))
            Refused(payload, "delete a webhook subscription");
    }

    private static RemoteWebhook Remote(JsonElement node) =>
        new(node.GetProperty("id").GetString()!, node.GetProperty("topic").GetString()!, node.GetProperty("uri").GetString()!, true);

    private static void Refused(JsonElement payload, string what)
    {
        var errors = payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        if (errors.Count > 0)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Shopify refused to {what}: {string.Join("; ", errors)}");
    }
}
