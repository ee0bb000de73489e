using System.Net.Http.Headers;
using Marketplaces.Connections;
using Marketplaces.Ebay.Orders;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Tests.Conformance;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;
using Microsoft.OpenApi;

namespace Marketplaces.Tests.Ebay.Orders;

/// <summary>
/// The emulator's Fulfillment API orders over real HTTP: who may call, the filter grammar, pages, and the contract's
/// shapes. The tests' clients go through the fixture's conformance check, so every answer is also held to the spec.
/// </summary>
public sealed class EbayOrdersEmulatorTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private Task<HttpClient> SellerAsync(string name) => EbaySellerApi.SellerAsync(app, name, conforming: true);

    [Fact]
    public async Task Orders_pages_conform_to_the_contract_and_carry_the_fields_the_sheet_relies_on()
    {
        using var http = await SellerAsync("schema-seller");
        var exchangesBefore = app.Conformance.Exchanges.GetValueOrDefault("ebay");

        var page = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?filter=lastmodifieddate:%5B2020-01-01T00:00:00.000Z..%5D&limit=2"), HttpStatusCode.OK);

        Assert.Equal(2, page.GetProperty("limit").GetInt32());
        Assert.Equal(0, page.GetProperty("offset").GetInt32());
        Assert.EndsWith($"{EbaySellerApi.OrdersPath}?filter=lastmodifieddate:%5B2020-01-01T00:00:00.000Z..%5D&limit=2&offset=2", page.Text("next"));
        Assert.False(page.TryGetProperty("prev", out _));
        var order = page.GetProperty("orders")[0];
        foreach (var field in new[] { "orderId", "creationDate", "lastModifiedDate", "orderFulfillmentStatus", "orderPaymentStatus", "cancelStatus" })
            Assert.True(order.TryGetProperty(field, out _), field);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", order.Text("lastModifiedDate"));
        Assert.Contains(order.Text("orderFulfillmentStatus"), new[] { "NOT_STARTED", "IN_PROGRESS", "FULFILLED" });
        Assert.False(string.IsNullOrEmpty(order.GetProperty("buyer").Text("username")));
        Assert.Matches(@"^\d+\.\d\d$", order.GetProperty("pricingSummary").GetProperty("total").Text("value"));
        Assert.True(order.GetProperty("fulfillmentStartInstructions")[0].GetProperty("shippingStep").TryGetProperty("shipTo", out _));
        foreach (var field in new[] { "lineItemId", "sku", "quantity", "legacyItemId", "lineItemFulfillmentStatus" })
            Assert.True(order.GetProperty("lineItems")[0].TryGetProperty(field, out _), field);

        var one = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}/{order.Text("orderId")}"), HttpStatusCode.OK);
        Assert.Empty(EbaySellerApi.Violations(one, "Order"));
        Assert.Equal(order.Text("orderId"), one.Text("orderId"));
        Assert.Equal(2, app.Conformance.Exchanges["ebay"] - exchangesBefore);
        app.Conformance.AssertClean();
    }

    [Fact]
    public async Task The_last_page_has_prev_and_no_next_and_total_counts_every_match()
    {
        using var http = await SellerAsync("paging-seller");
        var all = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?filter=creationdate:%5B2020-01-01T00:00:00.000Z..%5D"), HttpStatusCode.OK);
        var total = all.GetProperty("total").GetInt32();

        var last = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?filter=creationdate:%5B2020-01-01T00:00:00.000Z..%5D&limit=2&offset={total - 1}"), HttpStatusCode.OK);

        Assert.Equal(total, last.GetProperty("total").GetInt32());
        Assert.Single(last.GetProperty("orders").EnumerateArray());
        Assert.False(last.TryGetProperty("next", out _));
        Assert.EndsWith($"offset={total - 3}", last.Text("prev"));
    }

    [Theory]
    [InlineData("lastmodifieddate:%5Byesterday..%5D", 30810)]
    [InlineData("lastmodifieddate:%5B2026-13-01T00:00:00.000Z..%5D", 30810)]
    [InlineData("lastmodifieddate:%5B..2026-01-01T00:00:00.000Z%5D", 30820)]
    [InlineData("lastmodifieddate:%5B2025-02-01T00:00:00.000Z..2025-01-01T00:00:00.000Z%5D", 30840)]
    [InlineData("lastmodifieddate:%5B2999-01-01T00:00:00.000Z..%5D", 30850)]
    [InlineData("modifieddate:%5B2025-01-01T00:00:00.000Z..%5D", 30700)]
    [InlineData("lastmodifieddate:[2025-01-01T00:00:00.000Z..]", 30800)]
    [InlineData("orderfulfillmentstatus:%7BNOT_STARTED%7CFULFILLED%7D", 30800)]
    public async Task A_filter_outside_the_grammar_is_refused_with_the_contracts_error(string filter, int errorId)
    {
        using var http = await SellerAsync($"filter-seller-{errorId}-{filter.Length}");

        await EbaySellerApi.ErrorAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?filter={filter}"), HttpStatusCode.BadRequest, errorId);
    }

    [Fact]
    public async Task Limit_above_200_and_a_negative_offset_are_refused()
    {
        using var http = await SellerAsync("limits-seller");

        await EbaySellerApi.ErrorAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?limit=201"), HttpStatusCode.BadRequest, 31100);
        await EbaySellerApi.ErrorAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?offset=-1"), HttpStatusCode.BadRequest, 31000);
        await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?limit=200"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_fulfillment_filter_takes_only_the_documented_status_sets()
    {
        using var http = await SellerAsync("status-seller");

        var open = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}?filter=orderfulfillmentstatus:%7BNOT_STARTED%7CIN_PROGRESS%7D"), HttpStatusCode.OK);

        Assert.All(open.GetProperty("orders").EnumerateArray(), o => Assert.NotEqual("FULFILLED", o.Text("orderFulfillmentStatus")));
    }

    [Fact]
    public async Task A_token_without_a_fulfillment_scope_is_denied_and_no_token_is_unauthorized()
    {
        using var ebay = new EbaySandboxClient(app);
        var tokens = await ebay.ConnectAsync("no-fulfillment-seller");
        using var http = app.Conformance.CreateClient(app.ServerAddress);

        await EbaySellerApi.ErrorAsync(await http.GetAsync(EbaySellerApi.OrdersPath), HttpStatusCode.Unauthorized, 1001);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Text("access_token"));
        await EbaySellerApi.ErrorAsync(await http.GetAsync(EbaySellerApi.OrdersPath), HttpStatusCode.Forbidden, 1100);
    }

    [Fact]
    public async Task Another_sellers_order_is_not_found()
    {
        using var owner = await SellerAsync("order-owner");
        using var other = await SellerAsync("someone-else");
        var orderId = app.EbayOrders(Marketplaces.Ebay.Sandbox.EbaySandboxAccount.FromName("order-owner")).List()[0].Id;

        await SandboxHttp.JsonAsync(await owner.GetAsync($"{EbaySellerApi.OrdersPath}/{orderId}"), HttpStatusCode.OK);
        await EbaySellerApi.ErrorAsync(await other.GetAsync($"{EbaySellerApi.OrdersPath}/{orderId}"), HttpStatusCode.NotFound, 32100);
    }

    [Fact]
    public async Task A_bad_date_reads_as_a_clear_error_through_the_feeds_error_mapping()
    {
        using var http = await SellerAsync("bad-date-seller");
        using var response = await http.GetAsync($"{EbaySellerApi.OrdersPath}?filter=lastmodifieddate:%5B2026-01-01..%5D");

        var error = await Assert.ThrowsAsync<MarketplaceException>(() => EbayApiFailure.Errors.ReadJsonAsync(response, default));

        Assert.Equal("eBay answered 400: 30810 Invalid date format", error.Message);
        Assert.Equal(MarketplaceErrorKind.Rejected, error.Kind);
        Assert.Equal("30810", error.ErrorCode);
    }
}
