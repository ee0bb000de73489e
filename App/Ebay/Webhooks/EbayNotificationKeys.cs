using System.Net;
using System.Net.Http.Headers;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Ebay.Listings;
using Marketplaces.RateLimits;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Ebay.Webhooks;

/// <summary>
/// The public keys eBay signs pushes with, from the Notification API's <c>getPublicKey</c> (application token), kept
/// an hour as ebay.md advises. A key id the environment does not know is null, not a failure: the receiver tries the
/// next environment.
/// </summary>
public sealed class EbayNotificationKeys(MarketplaceTargets targets, EbayApplicationTokens tokens, IHttpClientFactory http, IMemoryCache cache)
{
    public async Task<string?> KeyAsync(MarketplaceEnvironment environment, string keyId, CancellationToken ct)
    {
        var cacheKey = ("ebay-notification-key", environment, keyId);
        if (cache.TryGetValue(cacheKey, out string? known)) return known;
        var target = await targets.ResolveAsync(EbayRest.MarketplaceId, environment, null, ct);
        var token = await tokens.TokenAsync(target, ct);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{target.Endpoints.ApiBaseUrl.TrimEnd('/')}/commerce/notification/v1/public_key/{Uri.EscapeDataString(keyId)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        new RateLimitKey(EbayRest.MarketplaceId, RateLimitKey.Application, "commerce.notification").Set(request);
        using var response = await MarketplaceHttp.SendAsync(http.Create(), request, target.Marketplace.Name, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        using var json = await MarketplaceHttp.ReadJsonAsync(response, target.Marketplace.Name, ct);
        var key = json.RootElement.TryGetProperty("key", out var value) ? value.GetString() : null;
        if (key is not null) cache.Set(cacheKey, key, TimeSpan.FromHours(1));
        return key;
    }
}
