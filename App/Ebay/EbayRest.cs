using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplaces.Connections;
using Marketplaces.RateLimits;

namespace Marketplaces.Ebay;

/// <summary>
/// An eBay REST call as every API takes it (ebay.md §1.4): the Bearer token, <c>Accept: application/json</c>, a JSON
/// body with <c>Content-Language</c> where the Inventory API requires it, and the rate limiter's key for the API's
/// daily quota group (the catalog's <c>sell.inventory</c>, <c>sell.fulfillment</c>…).
/// </summary>
public static class EbayRest
{
    public const string MarketplaceId = "ebay";

    /// <summary>eBay wants a field absent, not null.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string Url(ConnectionApi api, string path) => $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/{path.TrimStart('/')}";

    public static HttpRequestMessage Request(ConnectionApi api, HttpMethod method, string url, string accessToken, string quotaGroup,
        object? body = null, string? contentLanguage = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), new MediaTypeHeaderValue("application/json"), Json);
            if (contentLanguage is not null) request.Content.Headers.ContentLanguage.Add(contentLanguage);
        }
        return new RateLimitKey(MarketplaceId, api.Connection.AccountId, quotaGroup).Set(request);
    }
}
