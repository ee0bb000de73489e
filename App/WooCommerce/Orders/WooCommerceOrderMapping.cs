using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;

namespace Marketplaces.WooCommerce.Orders;

/// <summary>
/// A wc/v3 order in the unified model; the JSON is kept as sent. Times come from the <c>*_gmt</c> fields (the others
/// are in the store's time zone), money from strings, line prices from the number WooCommerce sends.
/// </summary>
public static class WooCommerceOrderMapping
{
    /// <summary>The meta key the dashboard sets on an order shipped in part: WooCommerce itself has no such status.</summary>
    public const string ShippedMetaKey = "marketplaces_shipped";

    public const string PartlyShipped = "partial";

    /// <summary>WordPress's date-time without zone, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static MarketplaceOrder ToMarketplaceOrder(JsonElement order)
    {
        var id = Id(order, "id") ?? throw Invalid("id");
        var status = JsonText.Of(order, "status") ?? throw Invalid("status");
        var currency = JsonText.Of(order, "currency") ?? "";
        var lines = order.TryGetProperty("line_items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(item => Line(item, currency)).ToList()
            : [];
        var billing = order.TryGetProperty("billing", out var b) ? b : default;
        return new MarketplaceOrder(
            id,
            Status(status, Meta(order, ShippedMetaKey) == PartlyShipped),
            status,
            Name(billing) ?? (order.TryGetProperty("shipping", out var s) ? Name(s) : null),
            currency,
            Money(order, "total"),
            Date(order, "date_created_gmt"),
            Date(order, "date_modified_gmt"),
            order.GetRawText(),
            lines)
        {
            OrderNumber = JsonText.Of(order, "number") ?? id,
            ShipTo = ShipTo(order),
        };
    }

    /// <summary>WooCommerce has no shipped status: completed is the shipped order; partly shipped is the dashboard's meta.</summary>
    public static OrderStatus Status(string status, bool partlyShipped) => status switch
    {
        "completed" => OrderStatus.Fulfilled,
        "cancelled" or "refunded" or "failed" or "trash" => OrderStatus.Cancelled,
        _ when partlyShipped => OrderStatus.PartiallyFulfilled,
        _ => OrderStatus.Unfulfilled,
    };

    private static MarketplaceOrderLine Line(JsonElement item, string currency)
    {
        var quantity = item.TryGetProperty("quantity", out var q) && q.TryGetInt32(out var n) && n > 0 ? n : 1;
        // price is a number (the line's total over its quantity); older stores sent it as a string.
        var price = item.TryGetProperty("price", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDecimal()
            : item.TryGetProperty("price", out p) && p.ValueKind == JsonValueKind.String ? Parse(p.GetString(), "price")
            : Math.Round(Money(item, "total") / quantity, 4);
        return new MarketplaceOrderLine(Id(item, "id") ?? throw Invalid("line_items.id"), JsonText.Of(item, "sku") is { Length: > 0 } sku ? sku : null,
            JsonText.Of(item, "name") ?? "", quantity, price, currency);
    }

    /// <summary>The shipping address, or the billing one when the order ships nothing (no shipping address_1).</summary>
    private static PostalAddress? ShipTo(JsonElement order)
    {
        foreach (var name in new[] { "shipping", "billing" })
        {
            if (!order.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Object || string.IsNullOrWhiteSpace(JsonText.Of(a, "address_1"))) continue;
            return new PostalAddress(Name(a), JsonText.Of(a, "address_1"), Blank(JsonText.Of(a, "address_2")), JsonText.Of(a, "city"), Blank(JsonText.Of(a, "state")),
                JsonText.Of(a, "postcode"), JsonText.Of(a, "country"), Blank(JsonText.Of(a, "phone")));
        }
        return null;
    }

    private static string? Name(JsonElement address) =>
        address.ValueKind == JsonValueKind.Object && string.Join(" ", new[] { JsonText.Of(address, "first_name"), JsonText.Of(address, "last_name") }
            .Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } name ? name : null;

    private static string? Meta(JsonElement order, string key) =>
        order.TryGetProperty("meta_data", out var meta) && meta.ValueKind == JsonValueKind.Array
            ? meta.EnumerateArray().Where(m => JsonText.Of(m, "key") == key).Select(m => JsonText.Of(m, "value")).FirstOrDefault()
            : null;

    private static DateTimeOffset Date(JsonElement order, string property) =>
        DateTimeOffset.TryParseExact(JsonText.Of(order, property), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw Invalid(property);

    private static decimal Money(JsonElement element, string property) => Parse(JsonText.Of(element, property), property);

    private static decimal Parse(string? value, string field) => value is null ? 0m : OrderValues.Amount(value, field);

    private static string? Id(JsonElement element, string property) =>
        element.TryGetProperty(property, out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static MarketplaceException Invalid(string property) =>
        new(MarketplaceErrorKind.Rejected, $"WooCommerce sent an order without a valid {property}.");
}
