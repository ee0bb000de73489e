using Marketplaces.Catalog;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;
using Marketplaces.RateLimits;

namespace Marketplaces.Shopify.Shipping;

/// <summary>
/// Marks shipped with <c>fulfillmentCreate(fulfillment: FulfillmentInput!)</c> (API versions from 2023-01): the
/// order's fulfillment orders are read first, the shipped lines spread over them, the tracking number and carrier
/// go in <c>trackingInfo</c> and the buyer is notified. Shopify takes no ship date: the fulfillment is dated when it is
/// created. <c>userErrors</c> are Shopify's refusal, shown to the seller as they are.
/// </summary>
public sealed class ShopifyShipmentPusher(RateLimiter limiter) : IShipmentPusher
{
    public const string Create = """
        mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id status trackingInfo(first: 10) { company number url } }
            userErrors { field message }
          }
        }
        """;

    public const string Fulfillments = """
        query Fulfillments($id: ID!) {
          order(id: $id) { fulfillments(first: 50) { id status trackingInfo(first: 10) { number } } }
        }
        """;

    public string MarketplaceId => "shopify";

    public async Task<string?> PushAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var orders = ShopifyFulfillmentOrders.Read(await ShopifyAdminGraphQl.QueryAsync(api, limiter, ShopifyFulfillmentOrders.Query, new { id = OrderGid(push) }, ct));
        var data = await ShopifyAdminGraphQl.QueryAsync(api, limiter, Create, new { fulfillment = Input(push, orders, api.Target.Marketplace.Carriers) }, ct);
        var payload = data.TryGetProperty("fulfillmentCreate", out var p) && p.ValueKind == JsonValueKind.Object ? p
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Shopify's answer has no fulfillmentCreate.");
        if (payload.TryGetProperty("userErrors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, string.Join(" ", errors.EnumerateArray()
                .Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : null).Where(m => !string.IsNullOrEmpty(m))));
        }
        return payload.TryGetProperty("fulfillment", out var fulfillment) && fulfillment.ValueKind == JsonValueKind.Object
            && fulfillment.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    public async Task<FoundShipment?> FindAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var data = await ShopifyAdminGraphQl.QueryAsync(api, limiter, Fulfillments, new { id = OrderGid(push) }, ct);
        if (!data.TryGetProperty("order", out var order) || order.ValueKind != JsonValueKind.Object)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Shopify has no such order (it may have been deleted).");
        var found = order.GetProperty("fulfillments").EnumerateArray().FirstOrDefault(f =>
            f.GetProperty("status").GetString() != "CANCELLED"
            && f.GetProperty("trackingInfo").EnumerateArray().Any(t =>
                string.Equals(t.GetProperty("number").GetString(), push.TrackingNumber, StringComparison.OrdinalIgnoreCase)));
        return found.ValueKind == JsonValueKind.Object ? new FoundShipment(found.GetProperty("id").GetString()) : null;
    }

    public static JsonObject Input(ShipmentPush push, ShopifyFulfillmentOrders orders, CarrierCodes carriers) => new()
    {
        ["lineItemsByFulfillmentOrder"] = orders.LineItemsFor(push.Lines),
        ["trackingInfo"] = new JsonObject { ["company"] = carriers.For(push.Carrier).Code, ["number"] = push.TrackingNumber },
        ["notifyCustomer"] = true,
    };

    private static string OrderGid(ShipmentPush push) => ShopifyGid.Of("Order", push.Order.ExternalId);
}
