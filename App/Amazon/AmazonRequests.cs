using System.Globalization;
using Marketplaces.RateLimits;

namespace Marketplaces.Amazon;

/// <summary>
/// A Selling Partner API request as amazon.md §1.3 describes it: the LWA access token in <c>x-amz-access-token</c>, the
/// request time in <c>x-amz-date</c>, JSON accepted; the user agent comes from the shared client. No SigV4 signature.
/// </summary>
public static class AmazonRequests
{
    public const string MarketplaceId = "amazon";

    public static HttpRequestMessage Create(HttpMethod method, string url, string accessToken, DateTimeOffset now, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("x-amz-access-token", accessToken);
        request.Headers.Add("x-amz-date", now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    /// <summary>The same, spending the seller's allowance of <paramref name="operation"/> (the catalog's rate-limit group).</summary>
    public static HttpRequestMessage Create(
        string sellerId, string operation, HttpMethod method, string url, string accessToken, DateTimeOffset now, HttpContent? content = null) =>
        new RateLimitKey(MarketplaceId, sellerId, operation).Set(Create(method, url, accessToken, now, content));
}
