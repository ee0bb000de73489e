using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Sandbox.Webhooks;
using Marketplaces.Webhooks;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// The emulator's webhooks (shopify.md §3): <c>webhookSubscriptionCreate/Delete</c> and <c>webhookSubscriptions</c> keep
/// a shop's subscriptions; an order created or changed in a shop's book is delivered to each active subscription of its
/// topic as the REST-shaped order, signed with the app's client secret, with Shopify's headers. A subscription whose
/// deliveries fail 8 times in a row is removed, as Shopify removes it after its 8 retries (the emulator does not wait
/// the 4 hours between them).
/// </summary>
public sealed class ShopifySandboxWebhooks(SandboxWebhooks hooks, SandboxWebhookSender sender, SandboxApps apps, TimeProvider clock)
{
    public const int FailuresBeforeRemoval = 8;
    public static readonly string[] Topics = ["ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "ORDERS_FULFILLED", "APP_UNINSTALLED"];

    /// <summary>REST topic of a GraphQL topic enum: ORDERS_CREATE → orders/create, CUSTOMERS_DATA_REQUEST → customers/data_request.</summary>
    public static string RestTopic(string topic) => topic.ToLowerInvariant() is var t && t.IndexOf('_') is var i and > 0 ? $"{t[..i]}/{t[(i + 1)..]}" : topic.ToLowerInvariant();

    public JsonObject Create(string shop, string topic, JsonObject input)
    {
        var uri = input["uri"]?.GetValue<string>();
        string? problem = null;
        if (string.IsNullOrWhiteSpace(uri)) problem = "Address can't be blank";
        else if (!Uri.TryCreate(uri, UriKind.Absolute, out var address) || address.Scheme is not ("https" or "http"))
            problem = "Address is invalid";
        // Shopify delivers over HTTPS only; the sandbox also delivers to this machine over HTTP, where it runs.
        else if (address.Scheme == "http" && !address.IsLoopback) problem = "Address protocol http:// is not supported";
        else if (hooks.List(ShopifySandbox.Id, shop).Any(h => h.Topic == topic && h.Address == uri)) problem = "Address for this topic has already been taken";
        if (problem is not null)
            return new JsonObject
            {
                ["webhookSubscription"] = null,
                ["userErrors"] = new JsonArray(new JsonObject { ["field"] = new JsonArray("webhookSubscription", "callbackUrl"), ["message"] = problem }),
            };
        var hook = hooks.Add(ShopifySandbox.Id, shop, topic, uri!, null, null);
        return new JsonObject { ["webhookSubscription"] = Json(hook), ["userErrors"] = new JsonArray() };
    }

    public JsonObject Delete(string shop, string id)
    {
        var found = ShopifyGid.IdOf(id, "WebhookSubscription") is { } number && long.TryParse(number, CultureInfo.InvariantCulture, out var hookId)
                    && hooks.Remove(ShopifySandbox.Id, shop, hookId);
        return found
            ? new JsonObject { ["deletedWebhookSubscriptionId"] = id, ["userErrors"] = new JsonArray() }
            : new JsonObject
            {
                ["deletedWebhookSubscriptionId"] = null,
                ["userErrors"] = new JsonArray(new JsonObject { ["field"] = new JsonArray("id"), ["message"] = "Webhook subscription does not exist" }),
            };
    }

    public IEnumerable<SandboxWebhook> List(string shop) => hooks.List(ShopifySandbox.Id, shop);

    public static JsonObject Json(SandboxWebhook hook) => new()
    {
        ["id"] = ShopifyGid.Of("WebhookSubscription", hook.Id), ["legacyResourceId"] = hook.Id.ToString(CultureInfo.InvariantCulture),
        ["topic"] = hook.Topic, ["uri"] = hook.Address, ["format"] = "JSON",
        ["createdAt"] = ShopifyOrderJson.Time(hook.CreatedAt), ["updatedAt"] = ShopifyOrderJson.Time(hook.ModifiedAt),
    };

    /// <summary>An order created or changed: each subscription of its topics gets the order.</summary>
    public void Changed(string shop, SandboxOrder order, bool created)
    {
        var topics = created ? ["ORDERS_CREATE"] : new List<string> { "ORDERS_UPDATED" };
        if (!created && order.Status == SandboxOrderStatus.Cancelled) topics.Add("ORDERS_CANCELLED");
        if (!created && order.Status == SandboxOrderStatus.Shipped) topics.Add("ORDERS_FULFILLED");
        var subscribed = topics.SelectMany(t => hooks.Active(ShopifySandbox.Id, shop, t)).ToList();
        if (subscribed.Count == 0) return;
        var body = Encoding.UTF8.GetBytes(RestOrder(order).ToJsonString());
        _ = DeliverAllAsync(shop, subscribed, body);
    }

    /// <summary>One delivery of a subscription, signed with <paramref name="secret"/>; Shopify's rule applied to a failure.</summary>
    public async Task<int?> DeliverAsync(string shop, SandboxWebhook hook, byte[] body, string secret, string? webhookId = null)
    {
        var topic = RestTopic(hook.Topic);
        var status = await SendAsync(shop, hook.Address, topic, body, secret, webhookId);
        hooks.Delivered(ShopifySandbox.Id, hook, topic, status, failed =>
        {
            if (failed.Failures >= FailuresBeforeRemoval) hooks.Remove(ShopifySandbox.Id, shop, failed.Id);
        });
        return status;
    }

    /// <summary>
    /// Any delivery as Shopify makes it, to <paramref name="address"/>: the privacy topics, which an app configures in its
    /// settings rather than by subscription, and forged or repeated deliveries in tests. The status the app answered.
    /// </summary>
    public Task<int?> SendAsync(string shop, string address, string topic, byte[] body, string secret, string? webhookId = null) =>
        sender.SendAsync(address, body, "application/json", new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = topic, ["X-Shopify-Hmac-Sha256"] = Base64HmacSignature.Compute(secret, body), ["X-Shopify-Shop-Domain"] = shop,
            ["X-Shopify-API-Version"] = ShopifySandbox.ApiVersion, ["X-Shopify-Webhook-Id"] = webhookId ?? Guid.NewGuid().ToString(),
            ["X-Shopify-Event-Id"] = Guid.NewGuid().ToString(),
            ["X-Shopify-Triggered-At"] = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        });

    public async Task<string> SecretAsync(CancellationToken ct) => (await ShopifySandboxApp.LoadAsync(apps, ct)).ClientSecret;

    private async Task DeliverAllAsync(string shop, IReadOnlyList<SandboxWebhook> subscribed, byte[] body)
    {
        var secret = await SecretAsync(CancellationToken.None);
        foreach (var hook in subscribed) _ = DeliverAsync(shop, hook, body, secret);
    }

    /// <summary>The REST Admin API's order, the webhook payload of the orders topics (the fields a receiver commonly reads).</summary>
    private static JsonObject RestOrder(SandboxOrder order) => new()
    {
        ["id"] = long.Parse(order.Id, CultureInfo.InvariantCulture),
        ["admin_graphql_api_id"] = ShopifyGid.Of("Order", order.Id),
        ["name"] = ShopifyOrderJson.Name(order),
        ["email"] = order.BuyerEmail,
        ["created_at"] = ShopifyOrderJson.Time(order.CreatedAt),
        ["updated_at"] = ShopifyOrderJson.Time(order.ModifiedAt),
        ["cancelled_at"] = order.Status == SandboxOrderStatus.Cancelled ? ShopifyOrderJson.Time(order.ModifiedAt) : null,
        ["currency"] = order.Currency,
        ["total_price"] = order.Total.ToString("0.00", CultureInfo.InvariantCulture),
        ["fulfillment_status"] = order.Status switch
        {
            SandboxOrderStatus.Shipped => "fulfilled", SandboxOrderStatus.PartiallyShipped => "partial", _ => null,
        },
        ["line_items"] = new JsonArray(order.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["id"] = l.LineId, ["sku"] = l.Sku, ["title"] = l.Title, ["quantity"] = l.Quantity,
            ["price"] = l.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture),
        }).ToArray()),
    };
}
