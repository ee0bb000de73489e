using System.Text.Json;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Shopify;
using Marketplaces.Shopify.Orders;
using Marketplaces.Shopify.Shipping;

namespace Marketplaces.Tests.Shopify.Orders;

/// <summary>Cost blocks, the orders query and its variables, order mapping, carriers and fulfillment order lines.</summary>
public sealed class ShopifyOrdersUnitTests
{
    private static readonly Marketplaces.Catalog.CarrierCodes Carriers = Marketplaces.Catalog.MarketplaceCatalog.Load()["shopify"].Carriers;

    [Fact]
    public void The_cost_block_of_an_answer_is_read_and_gives_the_calls_a_second_the_bucket_sustains()
    {
        var root = JsonDocument.Parse("""
            {"data":{},"extensions":{"cost":{"requestedQueryCost":252,"actualQueryCost":12,
             "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":1988,"restoreRate":100.0}}}}
            """).RootElement;

        var cost = ShopifyQueryCost.Read(root);

        Assert.Equal(new ShopifyQueryCost(252, 12, 2000, 1988, 100), cost);
        Assert.Equal(100 / 12.0, cost!.CallsPerSecond);
    }

    [Fact]
    public void A_throttled_answer_has_no_actual_cost_and_is_priced_by_what_it_asked_for()
    {
        var root = JsonDocument.Parse("""
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/limits#rate-limits"}}],
             "extensions":{"cost":{"requestedQueryCost":902,"actualQueryCost":null,
             "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":340,"restoreRate":100.0}}}}
            """).RootElement;

        var cost = ShopifyQueryCost.Read(root)!;

        Assert.Null(cost.ActualQueryCost);
        Assert.Equal(100 / 902.0, cost.CallsPerSecond);
    }

    [Fact]
    public void A_query_refused_for_its_cost_gives_no_rate()
    {
        var root = JsonDocument.Parse("""
            {"errors":[{"message":"Query cost is 10252, which exceeds the single query max cost limit (1000).","extensions":{"code":"MAX_COST_EXCEEDED","cost":10252,"maxCost":1000}}],
             "extensions":{"cost":{"requestedQueryCost":10252,"actualQueryCost":null,
             "throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":2000,"restoreRate":100.0}}}}
            """).RootElement;

        var cost = ShopifyQueryCost.Read(root)!;

        Assert.True(cost.RefusedForCost);
        Assert.Null(cost.CallsPerSecond);
    }

    [Theory]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"data":{},"extensions":{"cost":{"requestedQueryCost":1}}}""")]
    [InlineData("""[]""")]
    public void An_answer_without_a_complete_cost_block_has_no_cost(string json) =>
        Assert.Null(ShopifyQueryCost.Read(JsonDocument.Parse(json).RootElement));

    [Fact]
    public void The_filter_is_shopifys_search_syntax_in_whole_utc_seconds_rounded_down()
    {
        var since = new DateTimeOffset(2026, 3, 1, 10, 15, 30, 999, TimeSpan.FromHours(2));

        Assert.Equal("updated_at:>='2026-03-01T08:15:30Z'", ShopifyOrdersQuery.UpdatedSince(since));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(100, ShopifyOrdersQuery.MaxPageSize)]
    [InlineData(0, 1)]
    public void The_page_size_stays_within_what_one_query_may_cost(int pageSize, int first)
    {
        var variables = JsonSerializer.SerializeToElement(ShopifyOrdersQuery.Variables(pageSize, DateTimeOffset.UnixEpoch, "cursor-1"));

        Assert.Equal(first, variables.GetProperty("first").GetInt32());
        Assert.Equal("cursor-1", variables.GetProperty("after").GetString());
        Assert.Equal("updated_at:>='1970-01-01T00:00:00Z'", variables.GetProperty("query").GetString());
    }

    [Fact]
    public void The_orders_query_asks_for_what_the_sheet_names_sorted_by_update()
    {
        var query = ShopifyOrdersQuery.Orders;

        Assert.Contains("orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT)", query);
        Assert.Contains("pageInfo { hasNextPage endCursor }", query);
        Assert.Contains($"lineItems(first: {ShopifyOrdersQuery.LinesPerOrder})", query);
        Assert.Contains("totalPriceSet { shopMoney { amount currencyCode } }", query);
    }

    [Fact]
    public void An_order_maps_with_its_name_as_number_its_gid_tail_as_id_and_unit_prices()
    {
        var json = JsonDocument.Parse("""
            {"id":"gid://shopify/Order/5100000000001","name":"#1001","createdAt":"2026-03-01T10:00:00Z","updatedAt":"2026-03-02T11:30:05Z",
             "cancelledAt":null,"displayFinancialStatus":"PAID","displayFulfillmentStatus":"PARTIALLY_FULFILLED",
             "totalPriceSet":{"shopMoney":{"amount":"31.5","currencyCode":"CAD"}},
             "shippingAddress":{"name":"Ada Lovelace","address1":"1 Infinite Loop","address2":null,"city":"Cupertino","provinceCode":"CA","zip":"95014","countryCodeV2":"US","phone":null},
             "lineItems":{"pageInfo":{"hasNextPage":false,"endCursor":"x"},
               "nodes":[{"id":"gid://shopify/LineItem/101","sku":"MUG-1","title":"Mug","quantity":3,"originalUnitPriceSet":{"shopMoney":{"amount":"9.5","currencyCode":"CAD"}}},
                        {"id":"gid://shopify/LineItem/102","sku":"","title":"Gift wrap","quantity":1,"originalUnitPriceSet":{"shopMoney":{"amount":"3.0","currencyCode":"CAD"}}}]}}
            """).RootElement;

        var order = ShopifyOrderMapping.ToMarketplaceOrder(json);

        Assert.Equal(("5100000000001", "#1001"), (order.ExternalId, order.OrderNumber));
        Assert.Equal((OrderStatus.PartiallyFulfilled, "PARTIALLY_FULFILLED"), (order.Status, order.MarketplaceStatus));
        Assert.Equal(("Ada Lovelace", "CAD", 31.5m), (order.BuyerName, order.Currency, order.Total));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 11, 30, 5, TimeSpan.Zero), order.UpdatedAt);
        Assert.Equal(new PostalAddress("Ada Lovelace", "1 Infinite Loop", null, "Cupertino", "CA", "95014", "US"), order.ShipTo);
        Assert.Equal(
            [new MarketplaceOrderLine("gid://shopify/LineItem/101", "MUG-1", "Mug", 3, 9.5m, "CAD"), new MarketplaceOrderLine("gid://shopify/LineItem/102", null, "Gift wrap", 1, 3.0m, "CAD")],
            order.Lines);
        Assert.Equal(json.GetRawText(), order.RawPayload);
    }

    [Fact]
    public void A_cancelled_order_is_cancelled_whatever_its_fulfillment()
    {
        var json = JsonDocument.Parse("""
            {"id":"gid://shopify/Order/1","name":"#1001","createdAt":"2026-03-01T10:00:00Z","updatedAt":"2026-03-01T10:00:00Z",
             "cancelledAt":"2026-03-01T11:00:00Z","displayFulfillmentStatus":"UNFULFILLED"}
            """).RootElement;

        Assert.Equal(OrderStatus.Cancelled, ShopifyOrderMapping.ToMarketplaceOrder(json).Status);
    }

    [Theory]
    [InlineData("fedex", "FedEx")]
    [InlineData(" Royal-Mail ", "Royal Mail")]
    [InlineData("DHL", "DHL Express")]
    [InlineData("Hermes", "Evri")]
    [InlineData("Bob's Couriers", "Bob's Couriers")]
    public void A_carrier_becomes_shopifys_name_for_it_or_stays_as_typed(string carrier, string company) =>
        Assert.Equal(company, Carriers.For(carrier).Code);

    [Fact]
    public void Shipped_lines_are_spread_over_the_open_fulfillment_orders_that_hold_them()
    {
        var orders = new ShopifyFulfillmentOrders([
            new("gid://shopify/FulfillmentOrder/1", "gid://shopify/FulfillmentOrderLineItem/11", "gid://shopify/LineItem/101", 1),
            new("gid://shopify/FulfillmentOrder/2", "gid://shopify/FulfillmentOrderLineItem/21", "gid://shopify/LineItem/101", 2),
            new("gid://shopify/FulfillmentOrder/2", "gid://shopify/FulfillmentOrderLineItem/22", "gid://shopify/LineItem/102", 0),
        ]);

        var input = orders.LineItemsFor([Push("gid://shopify/LineItem/101", 3), Push("gid://shopify/LineItem/102", 1)]);

        Assert.Equal("""
            [{"fulfillmentOrderId":"gid://shopify/FulfillmentOrder/1","fulfillmentOrderLineItems":[{"id":"gid://shopify/FulfillmentOrderLineItem/11","quantity":1}]},{"fulfillmentOrderId":"gid://shopify/FulfillmentOrder/2","fulfillmentOrderLineItems":[{"id":"gid://shopify/FulfillmentOrderLineItem/21","quantity":2},{"id":"gid://shopify/FulfillmentOrderLineItem/22","quantity":1}]}]
            """, input.ToJsonString());
    }

    [Fact]
    public void A_line_shopify_has_no_fulfillment_order_for_is_refused_before_any_mutation()
    {
        var orders = new ShopifyFulfillmentOrders([]);

        var refused = Assert.Throws<Marketplaces.Connections.MarketplaceException>(() => orders.LineItemsFor([Push("gid://shopify/LineItem/9", 1)]));
        Assert.Contains("no fulfillment order", refused.Message);
    }

    private static ShipmentPushLine Push(string lineId, int quantity) =>
        new(new OrderLine { ExternalLineId = lineId, Title = "Item", Currency = "USD", Quantity = quantity }, quantity);
}
