using System.Text.Json;
using Marketplaces.Orders;
using Marketplaces.WooCommerce.Orders;

namespace Marketplaces.Tests.WooCommerce.Orders;

public sealed class WooCommerceOrderMappingTests
{
    private const string Order = """
        {"id":727,"number":"R-727","status":"on-hold","currency":"EUR","total":"29.35",
         "date_created":"2026-03-22T16:28:02","date_created_gmt":"2026-03-22T14:28:02",
         "date_modified":"2026-03-23T10:00:00","date_modified_gmt":"2026-03-23T08:00:00",
         "billing":{"first_name":"Ada","last_name":"Lovelace","address_1":"12 Main St","address_2":"","city":"London","state":"","postcode":"NW1","country":"GB","phone":"+44"},
         "shipping":{"first_name":"","last_name":"","address_1":"","city":"","state":"","postcode":"","country":""},
         "meta_data":[{"id":1,"key":"marketplaces_shipped","value":"partial"}],
         "line_items":[{"id":315,"name":"Mug","sku":"MUG-1","quantity":2,"price":3.5,"total":"7.00"},{"id":316,"name":"Hat","sku":"","quantity":1,"total":"9.99"}]}
        """;

    [Fact]
    public void The_order_maps_ids_gmt_times_money_lines_and_the_billing_address_when_nothing_ships()
    {
        using var json = JsonDocument.Parse(Order);

        var order = WooCommerceOrderMapping.ToMarketplaceOrder(json.RootElement);

        Assert.Equal(("727", "R-727", "on-hold", OrderStatus.PartiallyFulfilled), (order.ExternalId, order.OrderNumber, order.MarketplaceStatus, order.Status));
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 8, 0, 0, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 22, 14, 28, 2, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal((29.35m, "EUR", "Ada Lovelace"), (order.Total, order.Currency, order.BuyerName));
        Assert.Equal(new PostalAddress("Ada Lovelace", "12 Main St", null, "London", null, "NW1", "GB", "+44"), order.ShipTo);
        Assert.Equal(new MarketplaceOrderLine("315", "MUG-1", "Mug", 2, 3.5m, "EUR"), order.Lines[0]);
        Assert.Equal(new MarketplaceOrderLine("316", null, "Hat", 1, 9.99m, "EUR"), order.Lines[1]);
        Assert.Equal(Order, order.RawPayload);
    }

    [Theory]
    [InlineData("pending", false, OrderStatus.Unfulfilled)]
    [InlineData("processing", false, OrderStatus.Unfulfilled)]
    [InlineData("processing", true, OrderStatus.PartiallyFulfilled)]
    [InlineData("completed", true, OrderStatus.Fulfilled)]
    [InlineData("cancelled", false, OrderStatus.Cancelled)]
    [InlineData("refunded", false, OrderStatus.Cancelled)]
    [InlineData("failed", false, OrderStatus.Cancelled)]
    public void Statuses_map_to_the_unified_ones(string status, bool partlyShipped, OrderStatus expected) =>
        Assert.Equal(expected, WooCommerceOrderMapping.Status(status, partlyShipped));

    [Fact]
    public void The_page_url_asks_for_gmt_dates_from_the_second_before_the_window_in_id_order()
    {
        var url = WooCommerceOrdersFeed.PageUrl("https://shop.example/wp-json/wc/v3/", new DateTimeOffset(2026, 1, 2, 3, 4, 5, 600, TimeSpan.Zero), 100, 4);

        Assert.Equal("https://shop.example/wp-json/wc/v3/orders?modified_after=2026-01-02T03:04:04&dates_are_gmt=true&orderby=id&order=asc&per_page=100&page=4", url);
    }
}
