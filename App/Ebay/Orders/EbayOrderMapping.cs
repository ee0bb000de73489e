using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;

namespace Marketplaces.Ebay.Orders;

/// <summary>A Fulfillment API Order (sell_fulfillment_v1_oas3.json) in the unified order model; the JSON is kept as sent.</summary>
public static class EbayOrderMapping
{
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static MarketplaceOrder ToMarketplaceOrder(JsonElement order)
    {
        var fulfillment = JsonText.Of(order, "orderFulfillmentStatus") ?? "NOT_STARTED";
        var cancelled = order.TryGetProperty("cancelStatus", out var cancel) && JsonText.Of(cancel, "cancelState") == "CANCELED";
        var (total, currency) = Money(order.TryGetProperty("pricingSummary", out var pricing) ? pricing : default, "total");
        var lines = order.TryGetProperty("lineItems", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(Line).ToList()
            : [];
        return new MarketplaceOrder(
            Required(order, "orderId"),
            cancelled ? OrderStatus.Cancelled : fulfillment switch
            {
                "FULFILLED" => OrderStatus.Fulfilled,
                "IN_PROGRESS" => OrderStatus.PartiallyFulfilled,
                _ => OrderStatus.Unfulfilled,
            },
            cancelled ? "CANCELED" : fulfillment,
            order.TryGetProperty("buyer", out var buyer) ? JsonText.Of(buyer, "username") : null,
            currency ?? lines.FirstOrDefault()?.Currency ?? "",
            total,
            Date(order, "creationDate"),
            Date(order, "lastModifiedDate"),
            order.GetRawText(),
            lines) { ShipTo = ShipTo(order), ShipBy = ShipBy(order) };
    }

    /// <summary>The earliest of the line items' <c>lineItemFulfillmentInstructions.shipByDate</c>: the order is late once one line is.</summary>
    private static DateTimeOffset? ShipBy(JsonElement order) =>
        Child(order, "lineItems") is { ValueKind: JsonValueKind.Array } items
            ? items.EnumerateArray()
                .Select(i => DateTimeOffset.TryParse(JsonText.Of(Child(i, "lineItemFulfillmentInstructions"), "shipByDate"), CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null)
                .Min()
            : null;

    /// <summary>The first shipping step's shipTo (ExtendedContact); pickup orders have none.</summary>
    private static PostalAddress? ShipTo(JsonElement order)
    {
        var shipTo = Child(order, "fulfillmentStartInstructions") is { ValueKind: JsonValueKind.Array } instructions
            ? instructions.EnumerateArray().Select(i => Child(Child(i, "shippingStep"), "shipTo")).FirstOrDefault(t => t.ValueKind == JsonValueKind.Object)
            : default;
        if (shipTo.ValueKind != JsonValueKind.Object) return null;
        var address = Child(shipTo, "contactAddress");
        return new PostalAddress(JsonText.Of(shipTo, "fullName"), JsonText.Of(address, "addressLine1"), JsonText.Of(address, "addressLine2"), JsonText.Of(address, "city"),
            JsonText.Of(address, "stateOrProvince"), JsonText.Of(address, "postalCode"), JsonText.Of(address, "countryCode"), JsonText.Of(Child(shipTo, "primaryPhone"), "phoneNumber"));
    }

    private static JsonElement Child(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var child) ? child : default;

    private static MarketplaceOrderLine Line(JsonElement item)
    {
        var quantity = item.TryGetProperty("quantity", out var q) && q.TryGetInt32(out var n) && n > 0 ? n : 1;
        var (cost, currency) = Money(item, "lineItemCost");
        // lineItemCost is the unit price times the quantity (spec: LineItem.lineItemCost).
        return new MarketplaceOrderLine(Required(item, "lineItemId"), JsonText.Of(item, "sku"), JsonText.Of(item, "title") ?? "", quantity,
            Math.Round(cost / quantity, 4), currency ?? "");
    }

    private static (decimal Value, string? Currency) Money(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var amount)
            ? (OrderValues.Amount(JsonText.Of(amount, "value"), property + ".value"), JsonText.Of(amount, "currency"))
            : (0m, null);

    private static DateTimeOffset Date(JsonElement order, string property) =>
        DateTimeOffset.TryParse(JsonText.Of(order, property), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"eBay sent an order without a valid {property}.");

    private static string Required(JsonElement element, string property) => JsonText.Of(element, property)
        ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"eBay sent an order record without {property}.");
}
