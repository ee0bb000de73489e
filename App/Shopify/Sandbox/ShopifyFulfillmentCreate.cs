using System.Globalization;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// <c>fulfillmentCreate(fulfillment: FulfillmentInput!)</c> on a seller's book: every fulfillment order must be one
/// of a single order's and fulfillable (OPEN or IN_PROGRESS), every line one of that fulfillment order's and no more
/// than it has left (all of what is left when no lines are named). Refusals are <c>userErrors</c> with HTTP 200.
/// The wording of the messages is Shopify's where known ("has an unfulfillable status=", "Invalid fulfillment order
/// line item quantity requested."); the others are the emulator's.
/// </summary>
internal static class ShopifyFulfillmentCreate
{
    private static readonly string[] Fulfillable = ["OPEN", "IN_PROGRESS"];

    /// <returns>The <c>FulfillmentCreatePayload</c>, and whether its answer is to be lost (the shipment is recorded all the same).</returns>
    public static (JsonObject Payload, bool Lost) Run(SandboxOrderBook book, JsonObject input, DateTimeOffset now)
    {
        var groups = input["lineItemsByFulfillmentOrder"]!.AsArray().Select(g => g!.AsObject()).ToList();
        var (order, lines, error) = book.Read(orders => Lines(orders, groups));
        if (error is not null) return (Payload(null, error), false);
        var tracking = input["trackingInfo"] as JsonObject;
        var number = tracking?["number"]?.GetValue<string>() ?? (tracking?["numbers"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? "";
        var shipment = book.Ship(order!.Id, o => new SandboxShipment(
            (4_200_000_000_000L + o.Sequence * 100L + o.Shipments.Count + 1).ToString(CultureInfo.InvariantCulture),
            tracking?["company"]?.GetValue<string>() ?? "", number, now, lines!))!;
        var shipped = book.Find(order.Id)!;
        return (Payload(ShopifyOrderJson.Fulfillment(shipped, shipment, shipped.Shipments.IndexOf(shipment) + 1), null), book.TakeLostAnswer());
    }

    private static (SandboxOrder? Order, List<SandboxShippedLine>? Lines, JsonObject? Error) Lines(IReadOnlyList<SandboxOrder> orders, List<JsonObject> groups)
    {
        if (groups.Count == 0) return (null, null, Error("lineItemsByFulfillmentOrder", "Line items by fulfillment order can't be blank."));
        SandboxOrder? order = null;
        var lines = new Dictionary<string, int>();
        for (var g = 0; g < groups.Count; g++)
        {
            var gid = groups[g]["fulfillmentOrderId"]!.GetValue<string>();
            var found = ShopifyGid.IdOf(gid, "FulfillmentOrder") is { } id ? orders.FirstOrDefault(o => o.Id == id) : null;
            if (found is null) return (null, null, Error($"lineItemsByFulfillmentOrder.{g}.fulfillmentOrderId", "Fulfillment order does not exist."));
            if (order is not null && found.Id != order.Id)
                return (null, null, Error($"lineItemsByFulfillmentOrder.{g}.fulfillmentOrderId", "All fulfillment orders must belong to the same order."));
            order = found;
            var status = ShopifyOrderJson.FulfillmentOrderStatus(found);
            if (!Fulfillable.Contains(status))
                return (null, null, Error("fulfillment", $"Fulfillment order {ShopifyGid.IdOf(gid, "FulfillmentOrder")} has an unfulfillable status= {status.ToLowerInvariant()}."));
            if (groups[g]["fulfillmentOrderLineItems"] is not JsonArray asked)
            {
                foreach (var line in found.Lines.Where(l => ShopifyOrderJson.Remaining(found, l) > 0))
                    lines[line.LineId] = lines.GetValueOrDefault(line.LineId) + ShopifyOrderJson.Remaining(found, line);
                continue;
            }
            for (var i = 0; i < asked.Count; i++)
            {
                var item = asked[i]!.AsObject();
                var line = found.Lines.FirstOrDefault(l => ShopifyGid.Of("FulfillmentOrderLineItem", l.LineId) == item["id"]!.GetValue<string>());
                var field = $"lineItemsByFulfillmentOrder.{g}.fulfillmentOrderLineItems.{i}";
                if (line is null) return (null, null, Error($"{field}.id", "Fulfillment order line item does not exist."));
                var quantity = item["quantity"]!.GetValue<int>();
                if (quantity <= 0 || lines.GetValueOrDefault(line.LineId) + quantity > ShopifyOrderJson.Remaining(found, line))
                    return (null, null, Error($"{field}.quantity", "Invalid fulfillment order line item quantity requested."));
                lines[line.LineId] = lines.GetValueOrDefault(line.LineId) + quantity;
            }
        }
        return lines.Count == 0
            ? (null, null, Error("fulfillment", "Fulfillment must contain at least one line item with a quantity to fulfill."))
            : (order, lines.Select(l => new SandboxShippedLine(l.Key, l.Value)).ToList(), null);
    }

    private static JsonObject Error(string path, string message) => new()
    {
        ["field"] = new JsonArray(["fulfillment", .. path.Split('.').Where(p => p != "fulfillment").Select(p => (JsonNode)p)]),
        ["message"] = message,
    };

    private static JsonObject Payload(JsonObject? fulfillment, JsonObject? error) => new()
    {
        ["fulfillment"] = fulfillment,
        ["userErrors"] = error is null ? new JsonArray() : new JsonArray(error),
    };
}
