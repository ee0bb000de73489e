using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;

namespace Marketplaces.Shopify.Orders;

/// <summary>
/// An Admin GraphQL <c>Order</c> (as <see cref="ShopifyOrdersQuery.Orders"/> selects it) in the unified model. The
/// external id is the order's number (its gid's tail, the <c>legacyResourceId</c>): the admin's order page is built
/// from it and the gid is <c>gid://shopify/Order/{id}</c> again. Lines keep their LineItem gids, which the
/// fulfillment push matches.
/// </summary>
public static class ShopifyOrderMapping
{
    public static MarketplaceOrder ToMarketplaceOrder(JsonElement order)
    {
        var gid = JsonText.Of(order, "id");
        var id = ShopifyGid.IdOf(gid, "Order") ?? throw Invalid($"an order id that is not an Order gid ({gid})");
        var fulfillment = JsonText.Of(order, "displayFulfillmentStatus") ?? "UNFULFILLED";
        var (total, currency) = Money(order, "totalPriceSet");
        var lines = order.TryGetProperty("lineItems", out var items) && items.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array
            ? nodes.EnumerateArray().Select(Line).ToList()
            : [];
        var shipTo = order.TryGetProperty("shippingAddress", out var address) && address.ValueKind == JsonValueKind.Object ? Address(address) : null;
        return new MarketplaceOrder(
            id,
            JsonText.Of(order, "cancelledAt") is not null ? OrderStatus.Cancelled : fulfillment switch
            {
                "FULFILLED" => OrderStatus.Fulfilled,
                "PARTIALLY_FULFILLED" => OrderStatus.PartiallyFulfilled,
                _ => OrderStatus.Unfulfilled,
            },
            fulfillment,
            shipTo?.Name,
            currency ?? lines.FirstOrDefault()?.Currency ?? "",
            total,
            Date(order, "createdAt"),
            Date(order, "updatedAt"),
            order.GetRawText(),
            lines)
        {
            OrderNumber = JsonText.Of(order, "name"),
            ShipTo = shipTo,
        };
    }

    private static MarketplaceOrderLine Line(JsonElement item)
    {
        var (price, currency) = Money(item, "originalUnitPriceSet");
        var quantity = item.TryGetProperty("quantity", out var q) && q.TryGetInt32(out var n) ? OrderValues.Quantity(n, "quantity") : 0;
        return new MarketplaceOrderLine(JsonText.Of(item, "id") ?? throw Invalid("a line item without id"), JsonText.Of(item, "sku") is { Length: > 0 } sku ? sku : null,
            JsonText.Of(item, "title") ?? "", quantity, price, currency ?? "");
    }

    private static PostalAddress Address(JsonElement address) => new(
        JsonText.Of(address, "name"), JsonText.Of(address, "address1"), JsonText.Of(address, "address2"), JsonText.Of(address, "city"), JsonText.Of(address, "provinceCode"),
        JsonText.Of(address, "zip"), JsonText.Of(address, "countryCodeV2"), JsonText.Of(address, "phone"));

    /// <summary>A MoneyBag's shop currency amount; amounts are decimal strings (fact sheet §4).</summary>
    private static (decimal Amount, string? Currency) Money(JsonElement parent, string property) =>
        parent.TryGetProperty(property, out var bag) && bag.ValueKind == JsonValueKind.Object && bag.TryGetProperty("shopMoney", out var money)
            ? (OrderValues.Amount(JsonText.Of(money, "amount"), "amount"), JsonText.Of(money, "currencyCode"))
            : (0m, null);

    private static DateTimeOffset Date(JsonElement order, string property) =>
        DateTimeOffset.TryParse(JsonText.Of(order, property), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
            : throw Invalid($"an order without a valid {property}");

    private static MarketplaceException Invalid(string what) => new(MarketplaceErrorKind.Rejected, $"Shopify sent {what}.");
}
