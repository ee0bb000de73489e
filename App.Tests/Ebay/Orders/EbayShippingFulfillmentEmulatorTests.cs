using System.Text;
using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Orders;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Ebay.Orders;

/// <summary>The emulator's shipping fulfillments over real HTTP: the contract's shapes, what it refuses and with which error, and the order page.</summary>
public sealed class EbayShippingFulfillmentEmulatorTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private const string Tracking = "9400111899223197428490";

    private static string FulfillmentsPath(string orderId) => $"{EbaySellerApi.OrdersPath}/{orderId}/shipping_fulfillment";

    private static StringContent Body(object body) => SandboxHttp.Json(body);

    private static object Shipping(SandboxOrder order, string tracking = Tracking) => new
    {
        lineItems = order.Lines.Select(l => new { lineItemId = l.LineId, quantity = l.Quantity }).ToArray(),
        shippedDate = "2026-01-05T10:00:00.000Z",
        shippingCarrierCode = "USPS",
        trackingNumber = tracking,
    };

    private SandboxOrder Unshipped(string seller) =>
        app.EbayOrders(EbaySandboxAccount.FromName(seller)).List().First(o => o.Status == SandboxOrderStatus.AwaitingShipment);

    [Fact]
    public async Task A_created_fulfillment_answers_201_with_its_id_in_Location_and_reads_back_in_the_contracts_shape()
    {
        using var http = await EbaySellerApi.SellerAsync(app, "fulfil-seller");
        var order = Unshipped("fulfil-seller");

        using var created = await http.PostAsync(FulfillmentsPath(order.Id), Body(Shipping(order)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("", await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!;
        Assert.True(location.IsAbsoluteUri);
        Assert.Equal(new Uri(app.ServerAddress, $"{FulfillmentsPath(order.Id)}/{Tracking}"), location);

        var one = await SandboxHttp.JsonAsync(await http.GetAsync(location), HttpStatusCode.OK);
        Assert.Empty(EbaySellerApi.Violations(one, "ShippingFulfillment"));
        Assert.Equal((Tracking, Tracking, "USPS", "2026-01-05T10:00:00.000Z"),
            (one.Text("fulfillmentId"), one.Text("shipmentTrackingNumber"), one.Text("shippingCarrierCode"), one.Text("shippedDate")));
        Assert.Equal(order.Lines.Select(l => (l.LineId, l.Quantity)),
            one.GetProperty("lineItems").EnumerateArray().Select(l => (l.Text("lineItemId"), l.GetProperty("quantity").GetInt32())));

        var all = await SandboxHttp.JsonAsync(await http.GetAsync(FulfillmentsPath(order.Id)), HttpStatusCode.OK);
        Assert.Empty(EbaySellerApi.Violations(all, "ShippingFulfillmentPagedCollection"));
        Assert.Equal(1, all.GetProperty("total").GetInt32());

        var shipped = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}/{order.Id}"), HttpStatusCode.OK);
        Assert.Empty(EbaySellerApi.Violations(shipped, "Order"));
        Assert.Equal("FULFILLED", shipped.Text("orderFulfillmentStatus"));
        Assert.All(shipped.GetProperty("lineItems").EnumerateArray(), l => Assert.Equal("FULFILLED", l.Text("lineItemFulfillmentStatus")));
        Assert.Equal([location.ToString()], shipped.GetProperty("fulfillmentHrefs").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task Part_of_a_line_leaves_the_order_and_the_line_in_progress()
    {
        using var http = await EbaySellerApi.SellerAsync(app, "partial-fulfil-seller");
        var book = app.EbayOrders(EbaySandboxAccount.FromName("partial-fulfil-seller"));
        var order = book.Update(Unshipped("partial-fulfil-seller").Id, o => o.Lines[0].Quantity = 3);
        var line = order.Lines[0];

        using var created = await http.PostAsync(FulfillmentsPath(order.Id), Body(new
        {
            lineItems = new[] { new { lineItemId = line.LineId, quantity = 1 } }, shippingCarrierCode = "UPS", trackingNumber = "1Z999AA10123456784",
        }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var shipped = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}/{order.Id}"), HttpStatusCode.OK);
        Assert.Equal("IN_PROGRESS", shipped.Text("orderFulfillmentStatus"));
        Assert.Equal("IN_PROGRESS", shipped.GetProperty("lineItems")[0].Text("lineItemFulfillmentStatus"));
        Assert.Equal(SandboxOrderStatus.PartiallyShipped, book.Find(order.Id)!.Status);
    }

    [Theory]
    [InlineData("unknown line item", 32200)]
    [InlineData("line item twice", 32210)]
    [InlineData("more than remains", 32600)]
    [InlineData("quantity zero", 32600)]
    [InlineData("no line items", 32600)]
    [InlineData("no tracking number", 32300)]
    [InlineData("no carrier", 32300)]
    [InlineData("tracking number with spaces", 32300)]
    [InlineData("shipped date not ISO", 32500)]
    [InlineData("shipped date next week", 32500)]
    public async Task A_shipment_the_order_cannot_take_is_refused_with_the_contracts_error_and_nothing_recorded(string problem, int errorId)
    {
        var seller = $"refused-{problem.Replace(' ', '-')}";
        using var http = await EbaySellerApi.SellerAsync(app, seller);
        var order = Unshipped(seller);
        var line = order.Lines[0];
        object Lines(params (string Id, int Quantity)[] lines) => lines.Select(l => new { lineItemId = l.Id, quantity = l.Quantity }).ToArray();
        var body = new Dictionary<string, object?>
        {
            ["lineItems"] = Lines((line.LineId, 1)), ["shippingCarrierCode"] = "USPS", ["trackingNumber"] = Tracking,
        };
        switch (problem)
        {
            case "unknown line item": body["lineItems"] = Lines(("999999999", 1)); break;
            case "line item twice": body["lineItems"] = Lines((line.LineId, 1), (line.LineId, 1)); break;
            case "more than remains": body["lineItems"] = Lines((line.LineId, line.Quantity + 1)); break;
            case "quantity zero": body["lineItems"] = Lines((line.LineId, 0)); break;
            case "no line items": body["lineItems"] = Array.Empty<object>(); break;
            case "no tracking number": body.Remove("trackingNumber"); break;
            case "no carrier": body.Remove("shippingCarrierCode"); break;
            case "tracking number with spaces": body["trackingNumber"] = "9400 1118 9922"; break;
            case "shipped date not ISO": body["shippedDate"] = "05/01/2026"; break;
            case "shipped date next week": body["shippedDate"] = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"); break;
        }

        await EbaySellerApi.ErrorAsync(await http.PostAsync(FulfillmentsPath(order.Id), Body(body)), HttpStatusCode.BadRequest, errorId);

        Assert.Empty(app.EbayOrders(EbaySandboxAccount.FromName(seller)).Find(order.Id)!.Shipments);
    }

    [Fact]
    public async Task The_same_tracking_number_twice_asks_for_an_update_instead()
    {
        using var http = await EbaySellerApi.SellerAsync(app, "twice-seller");
        var order = app.EbayOrders(EbaySandboxAccount.FromName("twice-seller")).Update(Unshipped("twice-seller").Id, o => o.Lines[0].Quantity = 2);
        var one = new { lineItems = new[] { new { lineItemId = order.Lines[0].LineId, quantity = 1 } }, shippingCarrierCode = "USPS", trackingNumber = Tracking };

        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(FulfillmentsPath(order.Id), Body(one))).StatusCode);

        await EbaySellerApi.ErrorAsync(await http.PostAsync(FulfillmentsPath(order.Id), Body(one)), HttpStatusCode.BadRequest, 34500);
    }

    [Fact]
    public async Task Another_sellers_order_and_an_unknown_fulfillment_are_invalid_ids()
    {
        using var owner = await EbaySellerApi.SellerAsync(app, "fulfil-owner");
        using var other = await EbaySellerApi.SellerAsync(app, "fulfil-stranger");
        var order = Unshipped("fulfil-owner");

        await EbaySellerApi.ErrorAsync(await other.PostAsync(FulfillmentsPath(order.Id), Body(Shipping(order))), HttpStatusCode.BadRequest, 32100);
        await EbaySellerApi.ErrorAsync(await other.GetAsync(FulfillmentsPath(order.Id)), HttpStatusCode.BadRequest, 32100);
        await EbaySellerApi.ErrorAsync(await owner.GetAsync($"{FulfillmentsPath(order.Id)}/{Tracking}"), HttpStatusCode.BadRequest, 32110);
        Assert.Empty(app.EbayOrders(EbaySandboxAccount.FromName("fulfil-owner")).Find(order.Id)!.Shipments);
    }

    [Fact]
    public async Task The_read_only_scope_reads_fulfillments_but_cannot_create_one()
    {
        using var ebay = new EbaySandboxClient(app);
        var tokens = await ebay.ConnectAsync("read-only-seller", $"{EbaySandboxClient.BaseScope} {EbaySandboxClient.BaseScope}/sell.fulfillment.readonly");
        using var http = EbaySellerApi.WithToken(app, tokens.Text("access_token"));
        var order = Unshipped("read-only-seller");

        await SandboxHttp.JsonAsync(await http.GetAsync(FulfillmentsPath(order.Id)), HttpStatusCode.OK);
        await EbaySellerApi.ErrorAsync(await http.PostAsync(FulfillmentsPath(order.Id), Body(Shipping(order))), HttpStatusCode.Forbidden, 1100);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_invalid_input()
    {
        using var http = await EbaySellerApi.SellerAsync(app, "form-seller");
        var order = Unshipped("form-seller");

        var form = new StringContent("trackingNumber=1", Encoding.UTF8, "application/x-www-form-urlencoded");
        await EbaySellerApi.ErrorAsync(await http.PostAsync(FulfillmentsPath(order.Id), form), HttpStatusCode.BadRequest, 32600);
        var wrongType = new StringContent("""{"lineItems":"all","trackingNumber":"1","shippingCarrierCode":"USPS"}""", Encoding.UTF8, "application/json");
        await EbaySellerApi.ErrorAsync(await http.PostAsync(FulfillmentsPath(order.Id), wrongType), HttpStatusCode.BadRequest, 32600);
    }

    [Fact]
    public async Task A_lost_answer_drops_the_connection_after_the_fulfillment_is_recorded()
    {
        using var http = await EbaySellerApi.SellerAsync(app, "lost-answer-seller");
        var book = app.EbayOrders(EbaySandboxAccount.FromName("lost-answer-seller"));
        var order = Unshipped("lost-answer-seller");
        book.LoseNextShipmentAnswer();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(FulfillmentsPath(order.Id), Body(Shipping(order))));

        Assert.Equal(Tracking, Assert.Single(book.Find(order.Id)!.Shipments).Id);
    }

    [Fact]
    public async Task The_order_link_of_the_built_in_sandbox_opens_the_emulators_order_page_with_the_shipment()
    {
        var (connection, seller) = await app.ConnectEbayAsync("order-page-seller");
        await app.SyncOrdersAsync(connection);
        var stored = (await app.StoredOrdersAsync(connection)).First();
        app.EbayOrders(seller).Ship(stored.ExternalId, o => new SandboxShipment("PAGE1", "USPS", "PAGE1", DateTimeOffset.UtcNow,
            o.Lines.Select(l => new SandboxShippedLine(l.LineId, l.Quantity)).ToList()));
        var target = await app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("ebay", MarketplaceEnvironment.BuiltInSandbox, null, default);

        var link = OrderLink.For(target.Endpoints, stored);

        Assert.EndsWith($"/sandbox/ebay/sh/ord/details?orderid={stored.ExternalId}", link);
        using var browser = new HttpClient();
        var page = await browser.GetStringAsync(new Uri(app.ServerAddress, new Uri(link!).PathAndQuery));
        Assert.Contains(stored.ExternalId, page);
        Assert.Contains("PAGE1", page);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(new Uri(app.ServerAddress, "/sandbox/ebay/sh/ord/details?orderid=00-00000-00000"))).StatusCode);
    }

    [Fact]
    public async Task An_order_shows_the_books_buyer_address_and_listings_in_ebays_fields()
    {
        using var http = await EbaySellerApi.SellerAsync(app, "render-seller");
        var order = Unshipped("render-seller");

        var json = await SandboxHttp.JsonAsync(await http.GetAsync($"{EbaySellerApi.OrdersPath}/{order.Id}"), HttpStatusCode.OK);

        var buyer = json.GetProperty("buyer");
        Assert.Matches("^[a-z]+_[a-z]+$", buyer.Text("username"));
        var shipTo = json.GetProperty("fulfillmentStartInstructions")[0].GetProperty("shippingStep").GetProperty("shipTo");
        Assert.Equal(shipTo.GetRawText(), buyer.GetProperty("buyerRegistrationAddress").GetRawText());
        Assert.Equal((order.ShipTo.Name, order.ShipTo.Line1, order.ShipTo.PostalCode, order.ShipTo.CountryCode, order.ShipTo.Phone, order.BuyerEmail),
            (shipTo.Text("fullName"), shipTo.GetProperty("contactAddress").Text("addressLine1"), shipTo.GetProperty("contactAddress").Text("postalCode"),
             shipTo.GetProperty("contactAddress").Text("countryCode"), shipTo.GetProperty("primaryPhone").Text("phoneNumber"), shipTo.Text("email")));
        Assert.Equal(order.Lines.Select(l => (l.LineId, l.ProductId, "NOT_STARTED")),
            json.GetProperty("lineItems").EnumerateArray().Select(l => (l.Text("lineItemId"), l.Text("legacyItemId"), l.Text("lineItemFulfillmentStatus"))));
        Assert.Equal("NONE_REQUESTED", json.GetProperty("cancelStatus").Text("cancelState"));
        Assert.Empty(json.GetProperty("fulfillmentHrefs").EnumerateArray());
    }
}
