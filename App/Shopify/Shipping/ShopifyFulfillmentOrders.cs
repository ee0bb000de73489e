using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Shopify.Shipping;

/// <summary>
/// An order's fulfillment orders, which is what <c>fulfillmentCreate</c> ships from (API versions from 2023-01):
/// each order line is spread over the fulfillment order lines that hold it, open ones with quantity left first.
/// </summary>
public sealed class ShopifyFulfillmentOrders(IReadOnlyList<ShopifyFulfillmentOrderLine> lines)
{
    /// <summary>
    /// 1 + 2 + 5 × (1 + 2 + 50 × 2) = 518 points; an order with more fulfillment orders or lines than that is
    /// beyond what a seller marks shipped by hand.
    /// </summary>
    public const string Query = """
        query FulfillmentOrders($id: ID!) {
          order(id: $id) {
            fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 50) { nodes { id remainingQuantity lineItem { id } } } } }
          }
        }
        """;

    private static readonly string[] Fulfillable = ["OPEN", "IN_PROGRESS"];

    public static ShopifyFulfillmentOrders Read(JsonElement data)
    {
        if (!data.TryGetProperty("order", out var order) || order.ValueKind != JsonValueKind.Object)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Shopify has no such order (it may have been deleted).");
        try
        {
            return new ShopifyFulfillmentOrders(Lines(order));
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Shopify answered the order's fulfillment orders in an unexpected shape.");
        }
    }

    private static List<ShopifyFulfillmentOrderLine> Lines(JsonElement order)
    {
        var lines = new List<ShopifyFulfillmentOrderLine>();
        foreach (var fulfillmentOrder in order.GetProperty("fulfillmentOrders").GetProperty("nodes").EnumerateArray())
        {
            var open = Fulfillable.Contains(fulfillmentOrder.GetProperty("status").GetString());
            foreach (var line in fulfillmentOrder.GetProperty("lineItems").GetProperty("nodes").EnumerateArray())
            {
                lines.Add(new ShopifyFulfillmentOrderLine(fulfillmentOrder.GetProperty("id").GetString()!, line.GetProperty("id").GetString()!,
                    line.GetProperty("lineItem").GetProperty("id").GetString()!, open ? line.GetProperty("remainingQuantity").GetInt32() : 0));
            }
        }
        return lines;
    }

    /// <summary>
    /// <c>lineItemsByFulfillmentOrder</c> for the lines shipped. What no open fulfillment order has left is still
    /// asked of the line's first fulfillment order, so that Shopify answers why (closed, cancelled, over quantity)
    /// in its own words; a line Shopify does not know at all is refused here.
    /// </summary>
    public JsonArray LineItemsFor(IEnumerable<ShipmentPushLine> shipped)
    {
        var asked = new List<(string FulfillmentOrderId, string Id, int Quantity)>();
        foreach (var push in shipped)
        {
            var holding = lines.Where(l => l.LineItemId == push.Line.ExternalLineId).ToList();
            if (holding.Count == 0)
                throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Shopify has no fulfillment order for {push.Line.Title} on this order.");
            var left = push.Quantity;
            foreach (var line in holding.Where(l => l.Remaining > 0))
            {
                var take = Math.Min(left, line.Remaining);
                if (take == 0) break;
                asked.Add((line.FulfillmentOrderId, line.Id, take));
                left -= take;
            }
            if (left > 0) asked.Add((holding[0].FulfillmentOrderId, holding[0].Id, left));
        }
        return new JsonArray(asked.GroupBy(a => a.FulfillmentOrderId).Select(order => (JsonNode)new JsonObject
        {
            ["fulfillmentOrderId"] = order.Key,
            ["fulfillmentOrderLineItems"] = new JsonArray(order.GroupBy(a => a.Id)
                .Select(line => (JsonNode)new JsonObject { ["id"] = line.Key, ["quantity"] = line.Sum(a => a.Quantity) }).ToArray()),
        }).ToArray());
    }
}

/// <param name="Remaining">What is left to ship of it; 0 when its fulfillment order cannot be fulfilled now.</param>
public sealed record ShopifyFulfillmentOrderLine(string FulfillmentOrderId, string Id, string LineItemId, int Remaining);
