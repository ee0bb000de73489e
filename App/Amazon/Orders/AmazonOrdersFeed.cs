using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Polling;

namespace Marketplaces.Amazon.Orders;

/// <summary>
/// Amazon orders by Orders API v2026-01-01 searchOrders with <c>lastUpdatedAfter</c> (amazon.md "Poll orders
/// incrementally"; v0 reads are deprecated). <c>marketplaceIds</c> are the marketplaces the seller participates in,
/// read from the Sellers API when a walk starts: one authorization covers a whole region, but the seller sells in only
/// some of its marketplaces. Later pages pass <c>nextToken</c> as <c>paginationToken</c> with the same filters.
/// </summary>
public sealed class AmazonOrdersFeed(TimeProvider clock) : OrdersFeed
{
    public const int MaxResultsPerPage = 100;
    public const string Operation = "searchOrders";

    /// <summary>Who bought, where it goes, its status and its money; items come with every order.</summary>
    public static readonly string[] IncludedData = ["BUYER", "RECIPIENT", "FULFILLMENT", "PROCEEDS"];

    public override string MarketplaceId => AmazonRequests.MarketplaceId;

    public override async Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct)
    {
        var resume = AmazonPageToken.Read(pageToken) is { } token && !token.Expired(clock.GetUtcNow()) ? token : null;
        var marketplaceIds = resume?.MarketplaceIds ?? await MarketplaceIdsAsync(context, ct);
        var updatedAfter = resume?.LastUpdatedAfter ?? AmazonOrderMapping.Timestamp(modifiedSince);
        var url = SearchUrl(context.Target.Endpoints.ApiBaseUrl, marketplaceIds, updatedAfter, Math.Min(context.PageSize, MaxResultsPerPage), resume?.NextToken);

        using var response = await context.SendAsync(
            accessToken => AmazonRequests.Create(context.Connection.AccountId, Operation, HttpMethod.Get, url, accessToken, clock.GetUtcNow()), ct);
        using var json = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
        var root = json.RootElement;
        var orders = root.TryGetProperty("orders", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(o => Read(context, o, "orderId", AmazonOrderMapping.ToMarketplaceOrder)).ToList()
            : [];
        var next = root.TryGetProperty("pagination", out var pagination) && pagination.ValueKind == JsonValueKind.Object
                   && pagination.TryGetProperty("nextToken", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() is { Length: > 0 } nextToken
            ? new AmazonPageToken(nextToken, marketplaceIds, updatedAfter, clock.GetUtcNow()).Write()
            : null;
        return new FeedPage(new OrderBatch(orders), next);
    }

    /// <summary>A searchOrders URL; arrays comma-separated (amazon.md §1.3), every value percent-encoded.</summary>
    public static string SearchUrl(string apiBase, IReadOnlyList<string> marketplaceIds, string lastUpdatedAfter, int maxResultsPerPage, string? paginationToken) =>
        $"{apiBase.TrimEnd('/')}/orders/2026-01-01/orders?marketplaceIds={string.Join(",", marketplaceIds.Select(Uri.EscapeDataString))}"
        + $"&lastUpdatedAfter={Uri.EscapeDataString(lastUpdatedAfter)}&maxResultsPerPage={maxResultsPerPage}&includedData={string.Join(",", IncludedData)}"
        + (paginationToken is null ? "" : $"&paginationToken={Uri.EscapeDataString(paginationToken)}");

    private async Task<IReadOnlyList<string>> MarketplaceIdsAsync(FeedContext context, CancellationToken ct)
    {
        using var response = await context.SendAsync(accessToken => AmazonRequests.Create(context.Connection.AccountId, AmazonParticipations.Operation,
            HttpMethod.Get, AmazonParticipations.Url(context.Target.Endpoints.ApiBaseUrl), accessToken, clock.GetUtcNow()), ct);
        using var json = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
        var ids = AmazonParticipations.MarketplaceIds(json.RootElement);
        return ids.Count > 0 ? ids
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Amazon lists no marketplace this seller participates in, so there are no orders to read.");
    }
}
