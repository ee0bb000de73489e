using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;

namespace Marketplaces.PrestaShop.Orders;

/// <summary>
/// A webservice order (<c>display=full</c>, JSON) in the unified model: id as the API id, reference as the number the
/// seller sees, its state's name verbatim, dates from shop time to UTC, order_rows as lines (order_detail ids).
/// </summary>
public static class PrestaShopOrderMapping
{
    public static MarketplaceOrder ToMarketplaceOrder(JsonElement order, PrestaShopOrderRelations related, PrestaShopShopSettings shop)
    {
        var id = PrestaShopJson.Text(order, "id") ?? throw Malformed("an order without id");
        var stateId = PrestaShopJson.Text(order, "current_state") ?? "";
        var state = related.Of(related.OrderStates, order, "current_state");
        var currency = related.Of(related.Currencies, order, "id_currency") is { } c ? PrestaShopJson.Text(c, "iso_code") ?? "" : "";
        var customer = related.Of(related.Customers, order, "id_customer");
        var lines = PrestaShopJson.Association(order, "order_rows").Select(row => new MarketplaceOrderLine(
            PrestaShopJson.Text(row, "id") ?? throw Malformed($"an order row of order {id} without id"),
            PrestaShopJson.Text(row, "product_reference") is { Length: > 0 } sku ? sku : null,
            PrestaShopJson.Text(row, "product_name") ?? "",
            int.TryParse(PrestaShopJson.Text(row, "product_quantity"), out var quantity) ? OrderValues.Quantity(quantity, "product_quantity") : 0,
            PrestaShopJson.Decimal(row, "unit_price_tax_incl"),
            currency)).ToList();
        return new MarketplaceOrder(
            id,
            shop.CancelledStates.Contains(stateId) ? OrderStatus.Cancelled
                : state is { } s && PrestaShopJson.Text(s, "shipped") == "1" ? OrderStatus.Fulfilled
                : OrderStatus.Unfulfilled,
            state is { } named && PrestaShopJson.Text(named, "name") is { Length: > 0 } name ? name : stateId,
            customer is { } buyer ? Name(buyer) : null,
            currency,
            PrestaShopJson.Decimal(order, "total_paid"),
            Date(order, "date_add", shop),
            Date(order, "date_upd", shop),
            order.GetRawText(),
            lines)
        {
            OrderNumber = PrestaShopJson.Text(order, "reference") is { Length: > 0 } reference ? reference : null,
            ShipTo = related.Of(related.Addresses, order, "id_address_delivery") is { } address ? ShipTo(address, related) : null,
        };
    }

    private static PostalAddress ShipTo(JsonElement address, PrestaShopOrderRelations related)
    {
        string? Field(string name) => PrestaShopJson.Text(address, name) is { Length: > 0 } value ? value : null;
        return new PostalAddress(
            Name(address), Field("address1"), Field("address2"), Field("city"),
            related.Of(related.States, address, "id_state") is { } state ? PrestaShopJson.Text(state, "iso_code") : null,
            Field("postcode"),
            related.Of(related.Countries, address, "id_country") is { } country ? PrestaShopJson.Text(country, "iso_code") : null,
            Field("phone_mobile") ?? Field("phone"));
    }

    private static string? Name(JsonElement person) =>
        string.Join(" ", new[] { PrestaShopJson.Text(person, "firstname"), PrestaShopJson.Text(person, "lastname") }.Where(n => !string.IsNullOrWhiteSpace(n)))
            is { Length: > 0 } name ? name : null;

    private static DateTimeOffset Date(JsonElement order, string field, PrestaShopShopSettings shop) =>
        shop.Time.Utc(PrestaShopJson.Text(order, field)) ?? throw Malformed($"order {PrestaShopJson.Text(order, "id")} without a valid {field}");

    private static MarketplaceException Malformed(string what) => new(MarketplaceErrorKind.Rejected, $"PrestaShop sent {what}.");
}
