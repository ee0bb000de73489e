using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Etsy;

/// <summary>
/// Calls to Etsy's Open API v3. Every request carries <c>x-api-key: keystring:shared_secret</c> (Etsy rejects the
/// keystring alone since 9 Feb 2026) and the seller's bearer token.
/// </summary>
public static class EtsyApi
{
    public static string ApiKey(MarketplaceTarget target) => $"{target.Credentials["clientId"]}:{target.Credentials["sharedSecret"]}";

    /// <param name="path">From the API root, e.g. <c>/v3/application/users/me</c>.</param>
    public static async Task<JsonDocument> GetAsync(HttpClient client, MarketplaceTarget target, string accessToken, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Endpoints.ApiBaseUrl + path);
        request.Headers.Add("x-api-key", ApiKey(target));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await MarketplaceHttp.SendAsync(client, request, target.Marketplace.Name, ct);
        return await MarketplaceHttp.ReadJsonAsync(response, target.Marketplace.Name, ct);
    }
}
