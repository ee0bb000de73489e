using System.Net;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Ebay.Listings;
using Marketplaces.Ebay.Orders;
using Marketplaces.Webhooks;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Ebay.Webhooks;

/// <summary>
/// eBay's Notification API (ebay.md "Notifications / webhooks", commerce_notification_v1_oas3.json): the app's one
/// destination for this address (application token; created with the verification token set in Settings, and eBay
/// checks the address with its challenge before it accepts it), and per seller a user-level subscription of the topic
/// to it (the seller's token, scope <c>commerce.notification.subscription</c>), its payload version the topic's newest
/// JSON one (<c>getTopic</c>). A subscription eBay disabled is enabled again; deleting one already gone is no failure.
/// </summary>
public sealed class EbayWebhookSubscriber(OAuth2TokenProtocol oauth, IMemoryCache cache) : IWebhookSubscriber
{
    private const string Quota = "commerce.notification";
    private readonly EbayApplicationTokens _applicationTokens = new(oauth, cache);

    public string MarketplaceId => EbayRest.MarketplaceId;

    public bool OwnSecrets => false;

    public async Task<IReadOnlyList<RemoteWebhook>> ListAsync(ConnectionApi api, string address, CancellationToken ct)
    {
        if (await DestinationAsync(api, address, ct) is not { } destination) return [];
        var found = new List<RemoteWebhook>();
        for (string? url = Url(api, "subscription?limit=100"); url is not null;)
        {
            using var json = await UserCallAsync(api, HttpMethod.Get, url, null, ct);
            foreach (var subscription in List(json.RootElement, "subscriptions").Where(s => Text(s, "destinationId") == destination))
                found.Add(new RemoteWebhook(Text(subscription, "subscriptionId")!, Text(subscription, "topicId")!, address, Text(subscription, "status") == "ENABLED"));
            url = Text(json.RootElement, "next");
        }
        return found;
    }

    public async Task<RemoteWebhook> CreateAsync(ConnectionApi api, string topic, string address, string? secret, CancellationToken ct)
    {
        var destination = await DestinationAsync(api, address, ct) ?? await CreateDestinationAsync(api, address, ct);
        var version = await SchemaVersionAsync(api, topic, ct);
        using var response = await api.SendAsync(token => EbayRest.Request(api, HttpMethod.Post, Url(api, "subscription"), token, Quota, new
        {
            topicId = topic, status = "ENABLED", destinationId = destination,
            payload = new { format = "JSON", schemaVersion = version, deliveryProtocol = "HTTPS" },
        }), ct);
        await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
        return new RemoteWebhook(IdFrom(response), topic, address, true);
    }

    public async Task EnableAsync(ConnectionApi api, RemoteWebhook webhook, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EbayRest.Request(api, HttpMethod.Post, Url(api, $"subscription/{Uri.EscapeDataString(webhook.Id)}/enable"), token, Quota), ct);
        await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
    }

    public async Task DeleteAsync(ConnectionApi api, string remoteId, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EbayRest.Request(api, HttpMethod.Delete, Url(api, $"subscription/{Uri.EscapeDataString(remoteId)}"), token, Quota), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
    }

    /// <summary>The id of the app's destination for <paramref name="address"/>, if eBay has one.</summary>
    private async Task<string?> DestinationAsync(ConnectionApi api, string address, CancellationToken ct)
    {
        for (string? url = Url(api, "destination?limit=100"); url is not null;)
        {
            using var json = await ApplicationCallAsync(api, HttpMethod.Get, url, null, ct);
            if (List(json.RootElement, "destinations").FirstOrDefault(d => d.TryGetProperty("deliveryConfig", out var config) && Text(config, "endpoint") == address)
                is { ValueKind: JsonValueKind.Object } found)
                return Text(found, "destinationId");
            url = Text(json.RootElement, "next");
        }
        return null;
    }

    private async Task<string> CreateDestinationAsync(ConnectionApi api, string address, CancellationToken ct)
    {
        var verificationToken = api.Target.Credentials.Get("verificationToken")
            ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "eBay delivers notifications only to an address checked with a verification token: set eBay's verification token in Settings");
        var token = await _applicationTokens.TokenAsync(api, ct);
        using var response = await api.SendAsIsAsync(EbayRest.Request(api, HttpMethod.Post, Url(api, "destination"), token, Quota, new
        {
            name = "Marketplaces dashboard", status = "ENABLED", deliveryConfig = new { endpoint = address, verificationToken },
        }), ct);
        await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
        return IdFrom(response);
    }

    /// <summary>The topic's newest schema version offered as JSON over HTTPS and not deprecated.</summary>
    private async Task<string> SchemaVersionAsync(ConnectionApi api, string topic, CancellationToken ct)
    {
        using var json = await ApplicationCallAsync(api, HttpMethod.Get, Url(api, $"topic/{Uri.EscapeDataString(topic)}"), null, ct);
        return List(json.RootElement, "supportedPayloads")
                   .Where(p => Text(p, "deliveryProtocol") == "HTTPS" && !(p.TryGetProperty("deprecated", out var d) && d.ValueKind == JsonValueKind.True)
                               && List(p, "format").Any(f => f.GetString() == "JSON"))
                   .Select(p => Text(p, "schemaVersion")).Where(v => v is not null).Max(StringComparer.Ordinal)
               ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"eBay offers {topic} in no JSON payload over HTTPS");
    }

    private static async Task<JsonDocument> UserCallAsync(ConnectionApi api, HttpMethod method, string url, object? body, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EbayRest.Request(api, method, url, token, Quota, body), ct);
        return await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
    }

    private async Task<JsonDocument> ApplicationCallAsync(ConnectionApi api, HttpMethod method, string url, object? body, CancellationToken ct)
    {
        var token = await _applicationTokens.TokenAsync(api, ct);
        using var response = await api.SendAsIsAsync(EbayRest.Request(api, method, url, token, Quota, body), ct);
        return await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
    }

    /// <summary>What eBay made: the last segment of the 201's <c>Location</c>.</summary>
    private static string IdFrom(HttpResponseMessage response) =>
        response.Headers.Location?.ToString().TrimEnd('/').Split('/')[^1]
        ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, "eBay answered 201 without a Location");

    private static string Url(ConnectionApi api, string path) => EbayRest.Url(api, $"commerce/notification/v1/{path}");

    private static IEnumerable<JsonElement> List(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
