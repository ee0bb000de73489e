using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.RateLimits;

namespace Marketplaces.Shopify.Orders;

/// <summary>
/// Shopify orders by the Admin GraphQL <c>orders</c> query (fact sheet §5.5): <c>updated_at</c> at or after the
/// window's start, sorted by <c>UPDATED_AT</c>, page by page with <c>after</c>. The page token is the <c>endCursor</c>:
/// the window's start comes back from the engine with every page, so the cursor is all there is to resume.
/// </summary>
public sealed class ShopifyOrdersFeed(RateLimiter limiter) : OrdersFeed
{
    public override string MarketplaceId => "shopify";

    public override async Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct)
    {
        var data = await ShopifyAdminGraphQl.QueryAsync(context, limiter, ShopifyOrdersQuery.Orders,
            ShopifyOrdersQuery.Variables(context.PageSize, modifiedSince, pageToken), ct);
        var connection = Object(data, "orders");
        var orders = new List<MarketplaceOrder>();
        foreach (var node in Object(connection, "nodes").EnumerateArray())
            orders.Add(Read(context, await WithEveryLineAsync(context, node, ct), "id", ShopifyOrderMapping.ToMarketplaceOrder));
        return new FeedPage(new OrderBatch(orders), Next(Object(connection, "pageInfo")));
    }

    /// <summary>
    /// An order with more lines than the page carried, its remaining lines read and appended to
    /// <c>lineItems.nodes</c>, so the stored payload holds every line.
    /// </summary>
    private async Task<JsonElement> WithEveryLineAsync(ConnectionApi api, JsonElement order, CancellationToken ct)
    {
        var lines = Object(order, "lineItems");
        if (Next(Object(lines, "pageInfo")) is not { } after) return order;
        var complete = JsonNode.Parse(order.GetRawText())!.AsObject();
        var nodes = complete["lineItems"]!["nodes"]!.AsArray();
        while (after is not null)
        {
            var data = await ShopifyAdminGraphQl.QueryAsync(api, limiter, ShopifyOrdersQuery.MoreLines, new { id = order.GetProperty("id").GetString(), after }, ct);
            var more = Object(Object(data, "order"), "lineItems");
            foreach (var node in Object(more, "nodes").EnumerateArray()) nodes.Add(JsonNode.Parse(node.GetRawText()));
            complete["lineItems"]!["pageInfo"] = JsonNode.Parse(Object(more, "pageInfo").GetRawText());
            after = Next(Object(more, "pageInfo"));
        }
        return JsonSerializer.SerializeToElement(complete);
    }

    private static string? Next(JsonElement pageInfo) =>
        pageInfo.TryGetProperty("hasNextPage", out var more) && more.ValueKind == JsonValueKind.True
            ? pageInfo.TryGetProperty("endCursor", out var end) && end.ValueKind == JsonValueKind.String ? end.GetString()
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Shopify announced another page without an endCursor.")
            : null;

    private static JsonElement Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? value
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Shopify's answer has no {name}.");
}
