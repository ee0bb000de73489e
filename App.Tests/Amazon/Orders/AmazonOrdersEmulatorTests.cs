using System.Text;
using System.Text.Json;
using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon.Orders;

/// <summary>The emulator's Orders API over real HTTP: the model's shapes, its query rules, tokens, errors and limits.</summary>
public sealed class AmazonOrdersEmulatorTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private const string Search = "orders/2026-01-01/orders";
    private const string Since = "lastUpdatedAfter=2020-01-01T00:00:00Z";

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await SandboxHttp.JsonAsync(response, status);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.Text("code"));
        Assert.False(string.IsNullOrEmpty(error.Text("message")));
        return error;
    }

    private static StringContent Confirmation(string packageReferenceId, string carrierCode, string trackingNumber, string shipDate, params (string Id, int Quantity)[] items) =>
        SandboxHttp.Json(new
        {
            marketplaceId = "ATVPDKIKX0DER",
            packageDetail = new
            {
                packageReferenceId, carrierCode, trackingNumber, shipDate,
                orderItems = items.Select(i => new { orderItemId = i.Id, quantity = i.Quantity }).ToArray(),
            },
        });

    [Fact]
    public async Task An_operation_the_sandbox_does_not_emulate_is_said_in_sp_apis_error_shape_after_the_token_check()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-v0-reader");
        using var http = seller.Http(app);

        var error = await ErrorAsync(await http.GetAsync($"orders/v0/orders?MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z"),
            HttpStatusCode.NotFound, "NotFound");

        Assert.Equal("The built-in sandbox does not emulate GET /orders/v0/orders.", error.Text("message"));
        Assert.Contains("Orders 2026-01-01", error.Text("details"));
        http.DefaultRequestHeaders.Remove("x-amz-access-token");
        await ErrorAsync(await http.GetAsync("orders/v0/orders"), HttpStatusCode.Forbidden, "Unauthorized");
    }

    [Fact]
    public async Task SearchOrders_answers_the_models_shape_without_a_payload_wrapper_and_only_the_datasets_asked_for()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-shape");
        using var http = seller.Http(app);

        using var response = await http.GetAsync($"{Search}?{Since}&marketplaceIds=ATVPDKIKX0DER&includedData=BUYER,FULFILLMENT,PROCEEDS,PACKAGES");
        var page = await SandboxHttp.JsonAsync(response, HttpStatusCode.OK);

        Assert.Equal("0.0056", response.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        Assert.False(page.TryGetProperty("payload", out _));
        Assert.False(page.TryGetProperty("pagination", out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", page.Text("lastUpdatedBefore"));
        var order = page.GetProperty("orders")[0];
        Assert.Matches(@"^\d{3}-\d{7}-\d{7}$", order.Text("orderId"));
        Assert.Equal("ATVPDKIKX0DER", order.GetProperty("salesChannel").Text("marketplaceId"));
        Assert.EndsWith("@marketplace.amazon.com", order.GetProperty("buyer").Text("buyerEmail"));
        Assert.False(order.TryGetProperty("recipient", out _));
        Assert.Contains(order.GetProperty("fulfillment").Text("fulfillmentStatus"), new[] { "UNSHIPPED", "SHIPPED" });
        Assert.Matches(@"^\d+\.\d\d$", order.GetProperty("proceeds").GetProperty("grandTotal").Text("amount"));
        Assert.Equal(JsonValueKind.Array, order.GetProperty("packages").ValueKind);
        var item = order.GetProperty("orderItems")[0];
        Assert.True(item.GetProperty("quantityOrdered").GetInt32() > 0);
        Assert.Matches(@"^B\d{9}$", item.GetProperty("product").Text("asin"));
        Assert.Equal("USD", item.GetProperty("product").GetProperty("price").GetProperty("unitPrice").Text("currencyCode"));

        var one = await SandboxHttp.JsonAsync(await http.GetAsync($"{Search}/{order.Text("orderId")}"), HttpStatusCode.OK);
        Assert.Equal(order.Text("orderId"), one.GetProperty("order").Text("orderId"));
        Assert.False(one.GetProperty("order").TryGetProperty("buyer", out _));
    }

    [Theory]
    [InlineData("marketplaceIds=ATVPDKIKX0DER")]
    [InlineData("createdAfter=2020-01-01T00:00:00Z&lastUpdatedAfter=2020-01-01T00:00:00Z")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&createdBefore=2021-01-01T00:00:00Z")]
    [InlineData("lastUpdatedAfter=2020-01-01")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&lastUpdatedBefore=2019-01-01T00:00:00Z")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&maxResultsPerPage=0")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&maxResultsPerPage=101")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&fulfillmentStatuses=Unshipped")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&includedData=ITEMS")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&marketplaceIds=A1PA6795UKMFR9")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&marketplaceIds=ATVPDKIKX0DER&marketplaceIds=A2EUQ1WTGCTBG2")]
    [InlineData("LastUpdatedAfter=2020-01-01T00:00:00Z&MarketplaceIds=ATVPDKIKX0DER")]
    [InlineData("lastUpdatedAfter=2020-01-01T00:00:00Z&paginationToken=made-up")]
    public async Task A_query_outside_the_models_rules_is_refused_with_InvalidInput(string query)
    {
        var seller = await AmazonSeller.ConnectAsync(app, $"amazon-query-{Math.Abs(query.GetHashCode(StringComparison.Ordinal))}");
        using var http = seller.Http(app);

        await ErrorAsync(await http.GetAsync($"{Search}?{query}"), HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task LastUpdatedBefore_must_be_two_minutes_old()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-before");
        using var http = seller.Http(app);
        string At(TimeSpan ago) => (DateTimeOffset.UtcNow - ago).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        await ErrorAsync(await http.GetAsync($"{Search}?{Since}&lastUpdatedBefore={At(TimeSpan.FromMinutes(1))}"), HttpStatusCode.BadRequest, "InvalidInput");
        var page = await SandboxHttp.JsonAsync(await http.GetAsync($"{Search}?{Since}&lastUpdatedBefore={At(TimeSpan.FromMinutes(3))}"), HttpStatusCode.OK);
        Assert.Equal(At(TimeSpan.FromMinutes(3))[..16], page.Text("lastUpdatedBefore")[..16]);
    }

    [Fact]
    public async Task A_pagination_token_serves_the_rest_of_its_walk_only_with_the_same_filters()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-token");
        seller.Book.AddMany(3);
        using var http = seller.Http(app);
        var first = await SandboxHttp.JsonAsync(await http.GetAsync($"{Search}?{Since}&maxResultsPerPage=2"), HttpStatusCode.OK);
        var token = Uri.EscapeDataString(first.GetProperty("pagination").Text("nextToken"));

        await ErrorAsync(await http.GetAsync($"{Search}?lastUpdatedAfter=2021-01-01T00:00:00Z&maxResultsPerPage=2&paginationToken={token}"),
            HttpStatusCode.BadRequest, "InvalidInput");
        var ids = first.GetProperty("orders").EnumerateArray().Select(o => o.Text("orderId")).ToList();
        var next = token;
        while (next is not null)
        {
            var page = await SandboxHttp.JsonAsync(await http.GetAsync($"{Search}?{Since}&maxResultsPerPage=3&includedData=BUYER&paginationToken={next}"), HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("orders").EnumerateArray().Select(o => o.Text("orderId")));
            next = page.TryGetProperty("pagination", out var pagination) ? Uri.EscapeDataString(pagination.Text("nextToken")) : null;
        }
        Assert.Equal(seller.Book.List().Select(o => o.Id).Order(), ids.Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var stranger = await AmazonSeller.ConnectAsync(app, "amazon-token-stranger");
        using var other = stranger.Http(app);
        await ErrorAsync(await other.GetAsync($"{Search}?{Since}&maxResultsPerPage=2&paginationToken={token}"), HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task Calls_without_a_valid_access_token_are_refused_with_403_and_another_sellers_order_is_not_found()
    {
        var owner = await AmazonSeller.ConnectAsync(app, "amazon-owner");
        var someone = await AmazonSeller.ConnectAsync(app, "amazon-someone-else");
        using var anonymous = new HttpClient { BaseAddress = new Uri(app.ServerAddress, "/sandbox/amazon/sp-api/") };
        using var other = someone.Http(app);
        var orderId = owner.Book.List()[0].Id;

        await ErrorAsync(await anonymous.GetAsync($"{Search}?{Since}"), HttpStatusCode.Forbidden, "Unauthorized");
        await ErrorAsync(await other.GetAsync($"{Search}/{orderId}"), HttpStatusCode.NotFound, "NotFound");
        await ErrorAsync(await other.PostAsync($"orders/v0/orders/{orderId}/shipmentConfirmation",
            Confirmation("1", "UPS", "1Z1", "2026-01-01T00:00:00Z", (owner.Book.List()[0].Lines[0].LineId, 1))), HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task A_seller_without_the_orders_role_is_denied_with_unauthorized_and_empty_details()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-roleless");
        app.Services.GetServices<ISandboxEmulator>().OfType<AmazonOrdersEmulator>().Single().WithdrawOrdersRole(seller.Account);
        using var http = app.Conformance.CreateClient(new Uri(app.ServerAddress, "/sandbox/amazon/sp-api/"));
        http.DefaultRequestHeaders.Add("x-amz-access-token", seller.AccessToken);
        var order = seller.Book.List()[0];

        foreach (var response in new[]
                 {
                     await http.GetAsync($"{Search}?{Since}&marketplaceIds=ATVPDKIKX0DER"), await http.GetAsync($"{Search}/{order.Id}"),
                     await http.PostAsync($"orders/v0/orders/{order.Id}/shipmentConfirmation",
                         Confirmation("1", "UPS", "1Z1", "2026-01-01T00:00:00Z", (order.Lines[0].LineId, 1))),
                 })
        {
            var error = await ErrorAsync(response, HttpStatusCode.Forbidden, "Unauthorized");
            Assert.Equal(("Access to requested resource is denied.", ""), (error.Text("message"), error.Text("details")));
        }
        await SandboxHttp.JsonAsync(await http.GetAsync("sellers/v1/marketplaceParticipations"), HttpStatusCode.OK);
        app.Conformance.AssertClean();
    }

    [Fact]
    public async Task ConfirmShipment_answers_204_and_the_same_package_sent_again_edits_it_instead_of_adding_one()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-confirm");
        var order = seller.Book.Add();
        using var http = seller.Http(app);
        var path = $"orders/v0/orders/{order.Id}/shipmentConfirmation";
        var line = (order.Lines[0].LineId, 1);

        using var confirmed = await http.PostAsync(path, Confirmation("1", "UPS", "1Z-FIRST", "2026-01-02T10:00:00Z", line));
        using var again = await http.PostAsync(path, Confirmation("1", "UPS", "1Z-FIXED", "2026-01-02T10:00:00Z", line));

        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Empty(await confirmed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var package = Assert.Single(seller.Book.Find(order.Id)!.Shipments);
        Assert.Equal(("1", "1Z-FIXED"), (package.Id, package.TrackingNumber));
        var read = await SandboxHttp.JsonAsync(await http.GetAsync($"{Search}/{order.Id}?includedData=PACKAGES,FULFILLMENT"), HttpStatusCode.OK);
        var shown = Assert.Single(read.GetProperty("order").GetProperty("packages").EnumerateArray());
        Assert.Equal(("1", "1Z-FIXED", "UPS"), (shown.Text("packageReferenceId"), shown.Text("trackingNumber"), shown.Text("carrier")));
        Assert.Equal(order.Lines.Count == 1 && order.Lines[0].Quantity == 1 ? "SHIPPED" : "PARTIALLY_SHIPPED",
            read.GetProperty("order").GetProperty("fulfillment").Text("fulfillmentStatus"));
    }

    [Fact]
    public async Task ConfirmShipment_refuses_a_body_outside_the_model()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-confirm-body");
        var order = seller.Book.Add();
        using var http = seller.Http(app);
        var line = order.Lines[0].LineId;
        const string shipDate = "2026-01-02T10:00:00Z";

        // confirmShipment's burst is 10: at most that many calls here.
        foreach (var body in new[]
                 {
                     Confirmation("1", "Other", "T1", shipDate, (line, 1)),
                     Confirmation("1", "UPS", "", shipDate, (line, 1)),
                     Confirmation("1", "", "T1", shipDate, (line, 1)),
                     Confirmation("PKG-1", "UPS", "T1", shipDate, (line, 1)),
                     Confirmation("1", "UPS", "T1", "02/21/2022", (line, 1)),
                     Confirmation("1", "UPS", "T1", shipDate),
                     Confirmation("1", "UPS", "T1", shipDate, (line, 0)),
                     new StringContent("{\"marketplaceId\":\"ATVPDKIKX0DER\"", Encoding.UTF8, "application/json"),
                 })
        {
            await ErrorAsync(await http.PostAsync($"orders/v0/orders/{order.Id}/shipmentConfirmation", body), HttpStatusCode.BadRequest, "InvalidInput");
        }
        Assert.Empty(seller.Book.Find(order.Id)!.Shipments);
    }

    [Fact]
    public async Task ConfirmShipment_refuses_items_not_on_the_order_more_units_than_remain_and_a_cancelled_order()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-confirm-order");
        var order = seller.Book.Add();
        using var http = seller.Http(app);
        var path = $"orders/v0/orders/{order.Id}/shipmentConfirmation";
        var line = order.Lines[0];
        const string shipDate = "2026-01-02T10:00:00Z";

        var unknown = await ErrorAsync(await http.PostAsync(path, Confirmation("1", "UPS", "T1", shipDate, ("999", 1))), HttpStatusCode.BadRequest, "InvalidInput");
        var tooMany = await ErrorAsync(await http.PostAsync(path, Confirmation("1", "UPS", "T1", shipDate, (line.LineId, line.Quantity + 1))),
            HttpStatusCode.BadRequest, "InvalidInput");
        seller.Book.Update(order.Id, o => o.Status = SandboxOrderStatus.Cancelled);
        var cancelled = await ErrorAsync(await http.PostAsync(path, Confirmation("1", "UPS", "T1", shipDate, (line.LineId, 1))), HttpStatusCode.BadRequest, "InvalidInput");

        Assert.Contains("999 is not on order", unknown.Text("message"));
        Assert.Contains("left to ship", tooMany.Text("message"));
        Assert.Contains("cancelled", cancelled.Text("message"));
        Assert.Empty(seller.Book.Find(order.Id)!.Shipments);
    }

    [Fact]
    public async Task SearchOrders_allows_a_burst_of_20_then_answers_429_QuotaExceeded()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-burst");
        using var http = seller.Http(app);

        for (var i = 0; i < 20; i++) await SandboxHttp.JsonAsync(await http.GetAsync($"{Search}?{Since}"), HttpStatusCode.OK);

        await ErrorAsync(await http.GetAsync($"{Search}?{Since}"), HttpStatusCode.TooManyRequests, "QuotaExceeded");
    }
}
