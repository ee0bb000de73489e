using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;

namespace Marketplaces.Etsy.Orders;

/// <summary>
/// A <c>ShopReceipt</c> (specs/etsy/3.0.0.json) in the unified order model: amounts are <c>Money</c>
/// (<c>amount / divisor</c>), times Unix seconds, a line per transaction; the JSON is kept as sent.
/// </summary>
public static class EtsyReceiptMapping
{
    public static MarketplaceOrder ToMarketplaceOrder(JsonElement receipt)
    {
        var status = JsonText.Of(receipt, "status") ?? "";
        var (total, currency) = Money(receipt, "grandtotal");
        var lines = receipt.TryGetProperty("transactions", out var transactions) && transactions.ValueKind == JsonValueKind.Array
            ? transactions.EnumerateArray().Select(Line).ToList()
            : [];
        var name = JsonText.Of(receipt, "name");
        return new MarketplaceOrder(
            Id(receipt, "receipt_id"),
            Status(status, receipt.TryGetProperty("is_shipped", out var shipped) && shipped.ValueKind == JsonValueKind.True),
            status,
            name,
            currency ?? lines.FirstOrDefault()?.Currency ?? "",
            total,
            Time(receipt, "created_timestamp"),
            Time(receipt, "updated_timestamp"),
            receipt.GetRawText(),
            lines)
        {
            ShipTo = new PostalAddress(name, JsonText.Of(receipt, "first_line"), JsonText.Of(receipt, "second_line"), JsonText.Of(receipt, "city"),
                JsonText.Of(receipt, "state"), JsonText.Of(receipt, "zip"), JsonText.Of(receipt, "country_iso")),
            // Each transaction's expected_ship_date (epoch seconds); the receipt is late once one of them is.
            ShipBy = transactions.ValueKind == JsonValueKind.Array
                ? transactions.EnumerateArray().Select(t => Integer(t, "expected_ship_date") is > 0 and < 253_402_300_800 and var at ? DateTimeOffset.FromUnixTimeSeconds(at) : (DateTimeOffset?)null).Min()
                : null,
        };
    }

    /// <summary>
    /// Etsy ships whole receipts, so there is no partly shipped state: <c>is_shipped</c> (or <c>completed</c>) means
    /// shipped; a receipt refunded in full is as good as cancelled.
    /// </summary>
    public static OrderStatus Status(string status, bool isShipped) => status switch
    {
        "canceled" or "fully refunded" => OrderStatus.Cancelled,
        "completed" => OrderStatus.Fulfilled,
        _ => isShipped ? OrderStatus.Fulfilled : OrderStatus.Unfulfilled,
    };

    /// <summary>A <c>Money</c> object's value; a divisor of 0 (allowed by the schema) is read as 1.</summary>
    public static (decimal Value, string? Currency) Money(JsonElement parent, string property)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(property, out var money) || money.ValueKind != JsonValueKind.Object)
            return (0m, null);
        var divisor = Integer(money, "divisor") is > 0 and var d ? d : 1;
        return ((decimal)(Integer(money, "amount") ?? 0) / divisor, JsonText.Of(money, "currency_code"));
    }

    /// <summary>Etsy's timestamps are Unix epoch seconds.</summary>
    public static DateTimeOffset Time(JsonElement element, string property) =>
        Integer(element, property) is >= 0 and var seconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Etsy sent a receipt without a valid {property}.");

    /// <summary><c>price</c> is the price of one unit (the transaction carries the quantity).</summary>
    private static MarketplaceOrderLine Line(JsonElement transaction)
    {
        var (price, currency) = Money(transaction, "price");
        var quantity = Integer(transaction, "quantity") is >= 0 and <= int.MaxValue and var n ? (int)n : 1;
        return new MarketplaceOrderLine(Id(transaction, "transaction_id"), JsonText.Of(transaction, "sku"), JsonText.Of(transaction, "title") ?? "", quantity,
            price, currency ?? "");
    }

    private static string Id(JsonElement element, string property) =>
        Integer(element, property) is { } id
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Etsy sent a receipt without {property}.");

    private static long? Integer(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var number)
            ? number
            : null;
}
