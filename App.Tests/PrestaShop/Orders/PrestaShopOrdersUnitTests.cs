using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.PrestaShop;
using Marketplaces.PrestaShop.Orders;

namespace Marketplaces.Tests.PrestaShop.Orders;

public sealed class PrestaShopOrdersUnitTests
{
    private static readonly PrestaShopShopTime Paris = PrestaShopShopTime.For("Europe/Paris")!;

    private static readonly PrestaShopShopSettings Shop = new(Paris, new HashSet<string> { "6", "7" }, "4");

    [Fact]
    public void The_orders_query_is_the_sheets_worked_example_H()
    {
        var query = PrestaShopOrdersFeed.Query("2024-01-01 00:00:00", new PrestaShopOrdersPage(0, "2024-12-31 23:59:59"), 100);

        Assert.Equal("output_format=JSON&display=full&date=1&filter%5Bdate_upd%5D=%5B2024-01-01%2000%3A00%3A00%2C2024-12-31%2023%3A59%3A59%5D" +
            "&sort=%5Bdate_upd_ASC%2Cid_ASC%5D&limit=0%2C100", "output_format=JSON&" + query);
    }

    [Fact]
    public void The_page_token_keeps_the_offset_and_the_window_end()
    {
        var next = new PrestaShopOrdersPage(0, "2026-03-29 02:30:00").Next(3);

        Assert.Equal("3|2026-03-29 02:30:00", next.Token);
        Assert.Equal(next, PrestaShopOrdersPage.Parse(next.Token));
        Assert.Equal(MarketplaceErrorKind.Rejected, Assert.Throws<MarketplaceException>(() => PrestaShopOrdersPage.Parse("3|2026-03-29T02:30:00")).Kind);
    }

    [Fact]
    public void Shop_time_is_paris_time_without_offset_both_ways()
    {
        Assert.Equal("2026-01-15 13:00:00", Paris.Local(new DateTimeOffset(2026, 1, 15, 12, 0, 0, 999, TimeSpan.Zero)));
        Assert.Equal("2026-07-15 14:00:00", Paris.Local(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero), Paris.Utc("2026-07-15 14:00:00"));
        // 02:30 on the last Sunday of March does not exist in Paris: read with the winter offset.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), Paris.Utc("2026-03-29 02:30:00"));
        Assert.Null(Paris.Utc(PrestaShopShopTime.Unset));
        Assert.Null(Paris.Utc("2026-07-15T14:00:00"));
    }

    [Fact]
    public void An_order_maps_with_its_reference_state_name_buyer_address_and_order_rows()
    {
        var order = Json("""
            {"id":5,"id_address_delivery":"9","id_customer":"3","id_currency":"2","current_state":"3","reference":"XKBKNABJK",
             "total_paid":"61.800000","date_add":"2026-07-01 10:00:00","date_upd":"2026-07-02 09:30:15",
             "associations":{"order_rows":[
               {"id":"17","product_reference":"demo_2","product_name":"Printed Blouse","product_quantity":"2","unit_price_tax_incl":"26.500000"},
               {"id":"18","product_reference":"","product_name":"Mug","product_quantity":"1","unit_price_tax_incl":"8.800000"}]}}
            """);
        var related = Relations(
            customers: """{"id":3,"firstname":"Ada","lastname":"Lovelace"}""",
            addresses: """{"id":9,"firstname":"Ada","lastname":"Lovelace","address1":"1 Infinite Loop","address2":"","postcode":"95014","city":"Cupertino","id_country":"21","id_state":"5","phone":"+1 555","phone_mobile":""}""",
            countries: """{"id":21,"iso_code":"US"}""",
            states: """{"id":5,"iso_code":"CA"}""",
            orderStates: """{"id":3,"name":[{"id":"1","value":"Processing in progress"},{"id":"2","value":"En cours de préparation"}],"shipped":"0"}""",
            currencies: """{"id":2,"iso_code":"USD"}""");

        var mapped = PrestaShopOrderMapping.ToMarketplaceOrder(order, related, Shop);

        Assert.Equal(("5", "XKBKNABJK"), (mapped.ExternalId, mapped.OrderNumber));
        Assert.Equal((OrderStatus.Unfulfilled, "Processing in progress"), (mapped.Status, mapped.MarketplaceStatus));
        Assert.Equal(("Ada Lovelace", "USD", 61.80m), (mapped.BuyerName, mapped.Currency, mapped.Total));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), mapped.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 7, 30, 15, TimeSpan.Zero), mapped.UpdatedAt);
        Assert.Equal(new PostalAddress("Ada Lovelace", "1 Infinite Loop", null, "Cupertino", "CA", "95014", "US", "+1 555"), mapped.ShipTo);
        Assert.Equal([new MarketplaceOrderLine("17", "demo_2", "Printed Blouse", 2, 26.50m, "USD"), new MarketplaceOrderLine("18", null, "Mug", 1, 8.80m, "USD")],
            mapped.Lines);
        Assert.Equal(order.GetRawText(), mapped.RawPayload);
    }

    [Theory]
    [InlineData("4", "1", OrderStatus.Fulfilled)]
    [InlineData("5", "1", OrderStatus.Fulfilled)]
    [InlineData("6", "0", OrderStatus.Cancelled)]
    [InlineData("7", "0", OrderStatus.Cancelled)]
    [InlineData("2", "0", OrderStatus.Unfulfilled)]
    public void The_unified_status_comes_from_the_states_shipped_flag_and_the_shops_cancelled_states(string state, string shipped, OrderStatus expected)
    {
        var order = Json($$"""{"id":1,"current_state":"{{state}}","date_add":"2026-01-01 00:00:00","date_upd":"2026-01-01 00:00:00"}""");
        var related = Relations(orderStates: $$"""{"id":{{state}},"name":"State {{state}}","shipped":"{{shipped}}"}""");

        var mapped = PrestaShopOrderMapping.ToMarketplaceOrder(order, related, Shop);

        Assert.Equal((expected, $"State {state}"), (mapped.Status, mapped.MarketplaceStatus));
        Assert.Null(mapped.ShipTo);
    }

    [Fact]
    public void The_order_carrier_goes_back_whole_with_the_new_shipping_number_in_xml()
    {
        var carrier = Json("""
            {"id":7,"id_order":"5","id_carrier":"2","id_order_invoice":"0","weight":"0.000000","shipping_cost_tax_excl":"7.000000",
             "shipping_cost_tax_incl":"8.400000","tracking_number":"","date_add":"2026-07-01 10:00:00"}
            """);

        var xml = PrestaShopShipmentPusher.WithTracking(carrier, "1Z999AA10123456784").ToString(System.Xml.Linq.SaveOptions.DisableFormatting);

        Assert.Equal("<order_carrier><id>7</id><id_order>5</id_order><id_carrier>2</id_carrier><id_order_invoice>0</id_order_invoice>" +
            "<weight>0.000000</weight><shipping_cost_tax_excl>7.000000</shipping_cost_tax_excl><shipping_cost_tax_incl>8.400000</shipping_cost_tax_incl>" +
            "<tracking_number>1Z999AA10123456784</tracking_number><date_add>2026-07-01 10:00:00</date_add></order_carrier>", xml);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static PrestaShopOrderRelations Relations(string? customers = null, string? addresses = null, string? countries = null,
        string? states = null, string? orderStates = null, string? currencies = null)
    {
        IReadOnlyDictionary<string, JsonElement> ById(string? row) => row is null
            ? new Dictionary<string, JsonElement>()
            : new Dictionary<string, JsonElement> { [Json(row).GetProperty("id").GetRawText()] = Json(row) };
        return new PrestaShopOrderRelations(ById(customers), ById(addresses), ById(countries), ById(states), ById(orderStates), ById(currencies));
    }
}
