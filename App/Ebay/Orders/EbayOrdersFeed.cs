using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.RateLimits;

namespace Marketplaces.Ebay.Orders;

/// <summary>
/// eBay orders by Fulfillment API getOrders with the <c>lastmodifieddate</c> filter (ebay.md "Poll orders
/// incrementally"): the first page is built here, later pages follow the response's <c>next</c> verbatim.
/// </summary>
public sealed class EbayOrdersFeed : OrdersFeed
{
    /// <summary>getOrders refuses a larger limit.</summary>
    public const int MaxLimit = 200;

    public override string MarketplaceId => "ebay";

    public override async Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct)
    {
        var apiBase = context.Target.Endpoints.ApiBaseUrl;
        var url = pageToken is null ? new Uri(FirstPage(apiBase, modifiedSince, Math.Min(context.PageSize, MaxLimit))) : NextPage(apiBase, pageToken);
        var quota = new RateLimitKey(MarketplaceId, context.Connection.AccountId, "sell.fulfillment");
        using var response = await context.SendAsync(token => quota.Set(Request(url, token)), ct);
        using var json = await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
        var root = json.RootElement;
        var orders = root.TryGetProperty("orders", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(o => Read(context, o, "orderId", EbayOrderMapping.ToMarketplaceOrder)).ToList()
            : [];
        var next = root.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } href ? href : null;
        // Checked before it is stored as the cursor: a link that cannot be followed must not become the next run's start.
        if (next is not null) NextPage(apiBase, next);
        return new FeedPage(new OrderBatch(orders), next);
    }

    /// <summary>
    /// The response's <c>next</c>, which the spec types as a plain string: followed only when it is an absolute link
    /// to eBay's own API host, where the Bearer token may go.
    /// </summary>
    private static Uri NextPage(string apiBase, string next)
    {
        if (!Uri.TryCreate(next, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, "eBay's next page is not a link that can be followed (getOrders \"next\").");
        if (Uri.Compare(url, new Uri(apiBase), UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"eBay's next page points outside its API: {url.GetLeftPart(UriPartial.Authority)}");
        return url;
    }

    /// <summary>The first page of orders modified at or after <paramref name="since"/>; brackets percent-encoded as eBay requires.</summary>
    public static string FirstPage(string apiBase, DateTimeOffset since, int limit) =>
        $"{apiBase.TrimEnd('/')}/sell/fulfillment/v1/order?filter=lastmodifieddate:%5B{EbayOrderMapping.Timestamp(since)}..%5D&limit={limit}&offset=0";

    private static HttpRequestMessage Request(Uri url, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
