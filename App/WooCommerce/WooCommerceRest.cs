using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.RateLimits;

namespace Marketplaces.WooCommerce;

/// <summary>
/// The REST calls of the orders feed, the shipment pusher and the listing publisher: signed with the connection's keys exactly as the key
/// connector signs (Basic over HTTPS, OAuth 1.0a over HTTP), under one rate-limit group so that a host's 429 is
/// honoured (WooCommerce itself has no limiter, woocommerce.md §1), failures read as WordPress error bodies.
/// </summary>
public sealed class WooCommerceRest(TimeProvider clock)
{
    public const string MarketplaceId = "woocommerce";
    public const string RateLimitGroup = "rest";

    private static readonly JsonSerializerOptions Body = new();
    private readonly WooCommerceRequestAuthenticator _authenticator = new(clock);

    public Task<HttpResponseMessage> SendAsync(ConnectionApi api, HttpMethod method, string url, object? body, CancellationToken ct) =>
        api.SendWithKeysAsync(keys =>
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Body) };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            _authenticator.Authenticate(request, keys[WooCommerceKeyConnector.ConsumerKey], keys[WooCommerceKeyConnector.ConsumerSecret]);
            return new RateLimitKey(MarketplaceId, api.Connection.AccountId, RateLimitGroup).Set(request);
        }, ct);

    public async Task<JsonDocument> ReadJsonAsync(ConnectionApi api, HttpMethod method, string url, object? body, CancellationToken ct)
    {
        using var response = await SendAsync(api, method, url, body, ct);
        return await MarketplaceHttp.ReadJsonAsync(response, WooCommerceError.From, ct);
    }
}
