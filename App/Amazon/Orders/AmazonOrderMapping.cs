using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;

namespace Marketplaces.Amazon.Orders;

/// <summary>An Orders API v2026-01-01 Order (orders_2026-01-01.json) in the unified order model; the JSON is kept as sent.</summary>
public static class AmazonOrderMapping
{
    /// <summary>ISO 8601 to the second, as the model's examples; a time is floored, which only widens a lower bound.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// FulfillmentStatus to the unified status. UNFULFILLABLE (an Amazon-fulfilled order that will not ship) ends the
    /// order as cancellation does; PENDING and PENDING_AVAILABILITY are not ready to ship but still to be shipped.
    /// </summary>
    public static OrderStatus Status(string fulfillmentStatus) => fulfillmentStatus switch
    {
        "PARTIALLY_SHIPPED" => OrderStatus.PartiallyFulfilled,
        "SHIPPED" => OrderStatus.Fulfilled,
        "CANCELLED" or "UNFULFILLABLE" => OrderStatus.Cancelled,
        _ => OrderStatus.Unfulfilled,
    };

    public static MarketplaceOrder ToMarketplaceOrder(JsonElement order)
    {
        // fulfillment is the FULFILLMENT dataset, which the feed always asks for; PENDING is where every order starts.
        var status = Text(Child(order, "fulfillment"), "fulfillmentStatus") ?? "PENDING";
        var lines = Child(order, "orderItems") is { ValueKind: JsonValueKind.Array } items ? items.EnumerateArray().Select(Line).ToList() : [];
        var (total, currency) = Money(Child(Child(order, "proceeds"), "grandTotal"));
        var address = Child(Child(order, "recipient"), "deliveryAddress");
        return new MarketplaceOrder(
            Required(order, "orderId"),
            Status(status),
            status,
            Text(Child(order, "buyer"), "buyerName") ?? Text(address, "name"),
            currency ?? lines.FirstOrDefault()?.Currency ?? "",
            currency is null ? lines.Sum(l => l.UnitPrice * l.Quantity) : total,
            Date(order, "createdTime"),
            Date(order, "lastUpdatedTime"),
            order.GetRawText(),
            lines)
        {
            ShipTo = address.ValueKind == JsonValueKind.Object ? ShipTo(address) : null,
            ShipBy = DateTimeOffset.TryParse(Text(Child(Child(order, "fulfillment"), "shipByWindow"), "latestDateTime"), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var shipBy) ? shipBy : null,
        };
    }

    private static MarketplaceOrderLine Line(JsonElement item)
    {
        var product = Child(item, "product");
        var (unitPrice, currency) = Money(Child(Child(product, "price"), "unitPrice"));
        var quantity = Child(item, "quantityOrdered") is { ValueKind: JsonValueKind.Number } q && q.TryGetInt32(out var n) ? OrderValues.Quantity(n, "quantityOrdered") : 0;
        return new MarketplaceOrderLine(Required(item, "orderItemId"), Text(product, "sellerSku"), Text(product, "title") ?? Text(product, "asin") ?? "",
            quantity, unitPrice, currency ?? "");
    }

    private static PostalAddress ShipTo(JsonElement address)
    {
        var extra = string.Join(", ", new[] { Text(address, "addressLine2"), Text(address, "addressLine3") }.Where(l => !string.IsNullOrWhiteSpace(l)));
        return new PostalAddress(Text(address, "name"), Text(address, "addressLine1"), extra.Length == 0 ? null : extra, Text(address, "city"),
            Text(address, "stateOrRegion"), Text(address, "postalCode"), Text(address, "countryCode"), Text(address, "phone"));
    }

    /// <summary>Money: amount is a decimal string (the model's Decimal), never a JSON number.</summary>
    private static (decimal Amount, string? Currency) Money(JsonElement money) =>
        Text(money, "amount") is { } amount ? (OrderValues.Amount(amount, "amount"), Text(money, "currencyCode")) : (0m, null);

    private static DateTimeOffset Date(JsonElement order, string property) =>
        DateTimeOffset.TryParse(Text(order, property), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon sent an order without a valid {property}.");

    private static string Required(JsonElement element, string property) => Text(element, property)
        ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon sent an order record without {property}.");

    private static JsonElement Child(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : default;

    private static string? Text(JsonElement element, string property) =>
        Child(element, property) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
