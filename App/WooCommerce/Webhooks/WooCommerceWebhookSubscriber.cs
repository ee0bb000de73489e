using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Webhooks;

namespace Marketplaces.WooCommerce.Webhooks;

/// <summary>
/// <c>wc/v3/webhooks</c> (woocommerce.md §7): one webhook per topic with a secret of the app's own; a webhook WooCommerce
/// disabled after failed deliveries is set <c>active</c> again with <c>PUT</c>; deleted with <c>force=true</c> (webhooks
/// have no trash).
/// </summary>
public sealed class WooCommerceWebhookSubscriber(TimeProvider clock) : IWebhookSubscriber
{
    private readonly WooCommerceRest _rest = new(clock);

    public string MarketplaceId => WooCommerceRest.MarketplaceId;

    public bool OwnSecrets => true;

    public async Task<IReadOnlyList<RemoteWebhook>> ListAsync(ConnectionApi api, string address, CancellationToken ct)
    {
        var found = new List<RemoteWebhook>();
        for (var page = 1; ; page++)
        {
            using var json = await _rest.ReadJsonAsync(api, HttpMethod.Get, Url(api, $"?per_page=100&page={page}"), null, ct);
            var hooks = json.RootElement.EnumerateArray().Select(Remote).ToList();
            found.AddRange(hooks.Where(h => h.Address == address));
            if (hooks.Count < 100) return found;
        }
    }

    public async Task<RemoteWebhook> CreateAsync(ConnectionApi api, string topic, string address, string? secret, CancellationToken ct)
    {
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Post, Url(api, ""),
            new { name = $"Marketplaces dashboard: {topic}", topic, delivery_url = address, secret, status = "active" }, ct);
        return Remote(json.RootElement);
    }

    public async Task EnableAsync(ConnectionApi api, RemoteWebhook webhook, CancellationToken ct)
    {
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Put, Url(api, $"/{webhook.Id}"), new { status = "active" }, ct);
    }

    public async Task DeleteAsync(ConnectionApi api, string remoteId, CancellationToken ct)
    {
        using var response = await _rest.SendAsync(api, HttpMethod.Delete, Url(api, $"/{remoteId}?force=true"), null, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return;
        using var json = await MarketplaceHttp.ReadJsonAsync(response, WooCommerceError.From, ct);
    }

    private static string Url(ConnectionApi api, string rest) => $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/webhooks{rest}";

    private static RemoteWebhook Remote(JsonElement hook) =>
        new(hook.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), hook.GetProperty("topic").GetString()!,
            hook.GetProperty("delivery_url").GetString()!, hook.GetProperty("status").GetString() == "active");
}
