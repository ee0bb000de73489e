using System.Text.Json;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Shopify.Orders;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Shopify.Orders;

/// <summary>The emulator's Admin GraphQL orders over HTTP: paging, filtering, costs, throttling and what it refuses.</summary>
public sealed class ShopifyOrdersEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly ShopifySandboxDriver _driver = new(app);

    private SandboxOrderBook Book(string shop) => app.Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single().Book(shop);

    private async Task<JsonElement> QueryAsync(string token, string shop, string query, object? variables = null) =>
        await ShopifySandboxDriver.JsonAsync(await _driver.GraphQlAsync(token, query, shop, variables), HttpStatusCode.OK);

    [Fact]
    public async Task Orders_come_page_by_page_in_update_order_with_cursors_and_the_cost_shopify_would_charge()
    {
        const string shop = "paging-shop.myshopify.com";
        var token = await _driver.TokenAsync(shop);
        Book(shop).AddMany(4);
        var seen = new List<JsonElement>();
        string? after = null;
        JsonElement body;
        do
        {
            body = await QueryAsync(token, shop, ShopifyOrdersQuery.Orders, new { first = 2, after, query = ShopifyOrdersQuery.UpdatedSince(DateTimeOffset.UnixEpoch) });
            var orders = body.GetProperty("data").GetProperty("orders");
            seen.AddRange(orders.GetProperty("nodes").EnumerateArray());
            after = orders.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? orders.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
            var cost = body.GetProperty("extensions").GetProperty("cost");
            Assert.Equal(2 + 2 * 36, cost.GetProperty("requestedQueryCost").GetInt32());
            Assert.InRange(cost.GetProperty("actualQueryCost").GetInt32(), 2, 74);
            Assert.Equal(2000, cost.GetProperty("throttleStatus").GetProperty("maximumAvailable").GetDouble());
        }
        while (after is not null);

        var expected = Book(shop).List().OrderBy(o => ShopifyOrderJson.Time(o.ModifiedAt), StringComparer.Ordinal).ThenBy(o => o.Id).ToList();
        Assert.Equal(expected.Select(o => $"gid://shopify/Order/{o.Id}"), seen.Select(o => o.GetProperty("id").GetString()));
        var first = seen[0];
        Assert.Equal($"#{1000 + expected[0].Sequence}", first.GetProperty("name").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", first.GetProperty("updatedAt").GetString());
        Assert.Matches(@"^\d+\.\d+$", first.GetProperty("totalPriceSet").GetProperty("shopMoney").GetProperty("amount").GetString());
        Assert.StartsWith("gid://shopify/LineItem/", first.GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_updated_at_filter_leaves_out_orders_changed_before_it()
    {
        const string shop = "filter-shop.myshopify.com";
        var token = await _driver.TokenAsync(shop);
        var book = Book(shop);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var added = book.Add();

        var body = await QueryAsync(token, shop, ShopifyOrdersQuery.Orders, new { first = 25, after = (string?)null, query = ShopifyOrdersQuery.UpdatedSince(since) });

        var ids = body.GetProperty("data").GetProperty("orders").GetProperty("nodes").EnumerateArray().Select(o => o.GetProperty("id").GetString());
        Assert.Equal([$"gid://shopify/Order/{added.Id}"], ids);
        Assert.Contains($"query={ShopifyOrdersQuery.UpdatedSince(since)}", book.Requests()[^1]);
    }

    [Theory]
    [InlineData("{ orders { nodes { id } } }", "you must provide one of first or last")]
    [InlineData("{ orders(first: 251) { nodes { id } } }", "more than the maximum page size of 250")]
    [InlineData("{ orders(first: 1, status: OPEN) { nodes { id } } }", "Field 'orders' doesn't accept argument 'status'")]
    [InlineData("{ orders(first: 1, sortKey: \"UPDATED_AT\") { nodes { id } } }", "Argument 'sortKey' on Field 'orders' has an invalid value")]
    [InlineData("{ orders(first: 1, sortKey: NEWEST) { nodes { id } } }", "Argument 'sortKey' on Field 'orders' has an invalid value")]
    [InlineData("{ orders(first: 1) { nodes { id totalPrice } } }", "Field 'totalPrice' doesn't exist on type 'Order'")]
    [InlineData("{ orders(first: 1) { items { id } } }", "Field 'items' doesn't exist on type 'OrderConnection'")]
    [InlineData("{ orders(first: 1, query: \"status:open\") { nodes { id } } }", "cannot filter orders by \"status:open\"")]
    [InlineData("{ orders(first: 1) { ...Fields } }", "No fragment named Fields")]
    [InlineData("{ orders(first: 1) { nodes { id } } } fragment F on Order { id }", "Fragment F was defined, but not used")]
    [InlineData("query A { shop { name } } query B { shop { name } }", "An operation name is required")]
    [InlineData("{ orders(first: 1) { nodes { id @deprecated } } }", "Directive '@deprecated' is not defined")]
    [InlineData("query Q($x: Boolean) { orders(first: 1) { nodes { id @include(if: $x) } } }", "Variable $x of @include must be a Boolean")]
    [InlineData("query Q($n: Int) { orders(first: 1) { nodes { id } } }", "Variable $n is declared by Q but not used")]
    [InlineData("{ orders(first: $n) { nodes { id } } }", "Variable $n is used by orders but not declared")]
    [InlineData("query Q($q: Int) { orders(first: 1, query: $q) { nodes { id } } }", "Type mismatch on variable $q and argument query")]
    [InlineData("{ orders(first: 1, after: \"bm9wZQ==\") { nodes { id } } }", "Invalid cursor")]
    [InlineData("{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }", "which exceeds the single query max cost limit (1000)")]
    [InlineData("{ orders(first: 1) { nodes { id } }", "Syntax Error GraphQL (1:36) Expected Name, found EOF")]
    public async Task What_shopify_would_refuse_is_a_graphql_error(string query, string message)
    {
        const string shop = "strict-shop.myshopify.com";
        var body = await QueryAsync(await _driver.TokenAsync(shop), shop, query);

        Assert.False(body.TryGetProperty("data", out _));
        Assert.Contains(message, body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_required_variable_left_out_is_refused()
    {
        const string shop = "strict-shop.myshopify.com";
        var body = await QueryAsync(await _driver.TokenAsync(shop), shop, ShopifyOrdersQuery.Orders, new { first = 2 });

        Assert.Contains("Variable $query of type String! was provided invalid value (Expected value to not be null)", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Queries_that_ask_for_more_than_the_bucket_holds_are_throttled_with_http_200_until_it_restores()
    {
        const string shop = "throttled-shop.myshopify.com";
        var token = await _driver.TokenAsync(shop);
        Book(shop).AddMany(60);
        var variables = new { first = 25, after = (string?)null, query = ShopifyOrdersQuery.UpdatedSince(DateTimeOffset.UnixEpoch) };

        JsonElement throttled = default;
        for (var i = 0; i < 30 && throttled.ValueKind == JsonValueKind.Undefined; i++)
        {
            var body = await QueryAsync(token, shop, ShopifyOrdersQuery.Orders, variables);
            if (body.TryGetProperty("errors", out _)) throttled = body;
        }

        Assert.NotEqual(JsonValueKind.Undefined, throttled.ValueKind);
        var error = throttled.GetProperty("errors")[0];
        Assert.Equal(("Throttled", "THROTTLED"), (error.GetProperty("message").GetString(), error.GetProperty("extensions").GetProperty("code").GetString()));
        var cost = throttled.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("actualQueryCost").ValueKind);
        Assert.True(cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetInt32() < cost.GetProperty("requestedQueryCost").GetInt32());
    }

    [Fact]
    public async Task The_sellers_order_page_shows_the_order_and_its_fulfillments()
    {
        const string shop = "page-shop.myshopify.com";
        await _driver.TokenAsync(shop);
        var order = Book(shop).List()[0];

        var page = await _driver.Http.GetStringAsync($"/sandbox/shopify/{shop}/admin/orders/{order.Id}");

        Assert.Contains(order.Id, page);
        Assert.Equal(HttpStatusCode.NotFound, (await _driver.Http.GetAsync($"/sandbox/shopify/{shop}/admin/orders/1")).StatusCode);
    }

    [Fact]
    public async Task Fulfilling_more_than_is_left_is_a_user_error_and_ships_nothing()
    {
        const string shop = "fulfil-shop.myshopify.com";
        var token = await _driver.TokenAsync(shop);
        var order = Book(shop).Add();
        var line = order.Lines[0];

        var body = await QueryAsync(token, shop, Marketplaces.Shopify.Shipping.ShopifyShipmentPusher.Create, new
        {
            fulfillment = new
            {
                lineItemsByFulfillmentOrder = new[]
                {
                    new { fulfillmentOrderId = $"gid://shopify/FulfillmentOrder/{order.Id}", fulfillmentOrderLineItems = new[] { new { id = $"gid://shopify/FulfillmentOrderLineItem/{line.LineId}", quantity = line.Quantity + 1 } } },
                },
                trackingInfo = new { company = "UPS", number = "1Z999" },
            },
        });

        var payload = body.GetProperty("data").GetProperty("fulfillmentCreate");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("fulfillment").ValueKind);
        Assert.Equal("Invalid fulfillment order line item quantity requested.", payload.GetProperty("userErrors")[0].GetProperty("message").GetString());
        Assert.Equal(10, body.GetProperty("extensions").GetProperty("cost").GetProperty("requestedQueryCost").GetInt32());
        Assert.Empty(Book(shop).Find(order.Id)!.Shipments);
    }

    [Fact]
    public async Task An_input_field_fulfillmentinput_does_not_have_is_refused()
    {
        const string shop = "fulfil-shop.myshopify.com";
        var body = await QueryAsync(await _driver.TokenAsync(shop), shop, Marketplaces.Shopify.Shipping.ShopifyShipmentPusher.Create, new
        {
            fulfillment = new { lineItemsByFulfillmentOrder = Array.Empty<object>(), trackingNumber = "1Z999" },
        });

        Assert.Contains("Field is not defined on FulfillmentInput: trackingNumber", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
