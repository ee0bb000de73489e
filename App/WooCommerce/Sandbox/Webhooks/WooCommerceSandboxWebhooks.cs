using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Sandbox.Webhooks;
using Marketplaces.Webhooks;
using Marketplaces.WooCommerce.Sandbox.Orders;

namespace Marketplaces.WooCommerce.Sandbox.Webhooks;

/// <summary>
/// What WooCommerce's <c>WC_Webhook</c> does (woocommerce.md §7): a ping <c>webhook_id=N</c> when a webhook is created,
/// unsigned; each order created or changed delivered to the site's active webhooks of <c>order.created</c> /
/// <c>order.updated</c> as the REST order, PHP-encoded (<c>\/</c>), signed with the webhook's secret, with its
/// <c>X-WC-Webhook-*</c> headers; no retry; a failure when more than 5 have failed in a row disables the webhook.
/// </summary>
public sealed class WooCommerceSandboxWebhooks(SandboxWebhooks hooks, SandboxWebhookSender sender, WooCommerceSandboxStore store, WooCommerceSandboxSites sites)
{
    public const string Marketplace = WooCommerceSandboxStore.Id;
    public const int MaxFailures = 5;
    private const string UserAgent = $"WooCommerce/{WooCommerceRestEndpoints.WooCommerceVersion} Hookshot (WordPress/6.8.3)";

    /// <summary>The topics WooCommerce core knows (woocommerce.md §7).</summary>
    public static readonly string[] Topics =
    [
        "coupon.created", "coupon.updated", "coupon.deleted", "coupon.restored", "customer.created", "customer.updated", "customer.deleted",
        "order.created", "order.updated", "order.deleted", "order.restored", "product.created", "product.updated", "product.deleted",
        "product.restored", "product.published",
    ];

    /// <summary>The seller (site) an order book belongs to, back to the site's name.</summary>
    public void Changed(string seller, SandboxOrder order, bool created)
    {
        var site = seller == WooCommerceSandboxSites.Seller("") ? "" : seller;
        var subscribed = hooks.Active(Marketplace, seller, created ? "order.created" : "order.updated");
        if (subscribed.Count == 0) return;
        var home = store.HomeUrl(site);
        var body = PhpJson(WooCommerceOrderJson.Order(order, sites.For(site).Extras(order.Id), home));
        foreach (var hook in subscribed) _ = DeliverAsync(site, hook, body, hook.Secret!);
    }

    /// <summary>One delivery signed with <paramref name="secret"/> (the webhook's, or a forger's in tests); the status the app answered.</summary>
    public async Task<int?> DeliverAsync(string site, SandboxWebhook hook, byte[] body, string secret)
    {
        var (resource, @event) = hook.Topic.Split('.') is [var r, var e] ? (r, e) : (hook.Topic, "");
        var headers = new Dictionary<string, string>
        {
            ["User-Agent"] = UserAgent, ["X-WC-Webhook-Source"] = store.HomeUrl(site) + "/", ["X-WC-Webhook-Topic"] = hook.Topic,
            ["X-WC-Webhook-Resource"] = resource, ["X-WC-Webhook-Event"] = @event,
            ["X-WC-Webhook-Signature"] = Base64HmacSignature.Compute(secret, body),
            ["X-WC-Webhook-ID"] = hook.Id.ToString(CultureInfo.InvariantCulture), ["X-WC-Webhook-Delivery-ID"] = DeliveryId(hook.Id),
        };
        var status = await sender.SendAsync(hook.Address, body, "application/json", headers);
        hooks.Delivered(Marketplace, hook, hook.Topic, status is >= 200 and < 300 or 301 or 302 ? 200 : status, failed =>
        {
            if (failed.Failures - 1 > MaxFailures) hooks.Change(Marketplace, failed, h => h.Active = false);
        });
        return status;
    }

    /// <summary><c>deliver_ping()</c>: the form body, no signature and no topic headers; its answer changes nothing over REST.</summary>
    public Task<int?> PingAsync(SandboxWebhook hook) =>
        sender.SendAsync(hook.Address, Encoding.UTF8.GetBytes($"webhook_id={hook.Id}"), "application/x-www-form-urlencoded",
            new Dictionary<string, string> { ["User-Agent"] = UserAgent });

    /// <summary><c>wp_json_encode</c>'s output: slashes escaped, non-ASCII as <c>\uXXXX</c>.</summary>
    public static byte[] PhpJson(object value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value).Replace("/", "\\/", StringComparison.Ordinal));

    /// <summary><c>wp_hash(webhook_id . time())</c>: two deliveries of one webhook in one second share it.</summary>
    private static string DeliveryId(long webhookId) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{webhookId}{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}")));
}
