using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.RateLimits;

namespace Marketplaces.Etsy;

/// <summary>
/// Calls to Etsy's Open API v3. Every request carries <c>x-api-key: keystring:shared_secret</c> (Etsy rejects the
/// keystring alone since 9 Feb 2026) and the seller's bearer token.
/// </summary>
public static class EtsyApi
{
    /// <summary>Etsy's allowance is per application for every call (etsy.md §3): the catalog's one group.</summary>
    public const string RateLimitGroup = "default";

    public static string ApiKey(MarketplaceTarget target) => $"{target.Credentials["clientId"]}:{target.Credentials["sharedSecret"]}";

    /// <summary>
    /// A call counted against the app's allowance, whoever it is for: the allowance is the API key's, so the calls that
    /// identify a shop while it connects spend from it as much as a sync does.
    /// </summary>
    /// <param name="path">From the API root, e.g. <c>/v3/application/users/me</c>.</param>
    public static HttpRequestMessage Request(HttpMethod method, MarketplaceTarget target, string accessToken, string path)
    {
        var request = new HttpRequestMessage(method, target.Endpoints.ApiBaseUrl + path);
        request.Headers.Add("x-api-key", ApiKey(target));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return new RateLimitKey(target.Marketplace.Id, RateLimitKey.Application, RateLimitGroup).Set(request);
    }

    /// <summary>A call on the connected shop.</summary>
    /// <param name="path">After <c>/v3/application/shops/{shop_id}</c>, e.g. <c>/receipts</c>.</param>
    public static HttpRequestMessage ShopRequest(HttpMethod method, ConnectionApi api, string accessToken, string path) =>
        Request(method, api.Target, accessToken, $"/v3/application/shops/{ShopId(api.Connection)}{path}");

    /// <summary>The connection's account is its shop (<see cref="EtsyIdentityResolver"/>); it goes into URLs, so it must be a shop id.</summary>
    public static string ShopId(Connection connection) =>
        connection.AccountId is { Length: > 0 and <= 19 } id && id.All(char.IsAsciiDigit) && id[0] != '0' ? id
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"This Etsy connection's shop id '{connection.AccountId}' is not a number: connect the shop again.");

    public static async Task<JsonDocument> GetAsync(HttpClient client, MarketplaceTarget target, string accessToken, string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Get, target, accessToken, path);
        using var response = await MarketplaceHttp.SendAsync(client, request, target.Marketplace.Name, ct);
        return await MarketplaceHttp.ReadJsonAsync(response, target.Marketplace.Name, ct);
    }
}
