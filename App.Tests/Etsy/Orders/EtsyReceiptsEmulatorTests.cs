using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Etsy.Sandbox;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Etsy.Orders;

/// <summary>The emulator's rate limits are off here: these tests call it faster than Etsy's 10 per second.</summary>
public sealed class UnthrottledEtsyFixture : PollingFixture
{
    public UnthrottledEtsyFixture() => With("Sandbox:RateLimits:Enabled", "false");
}

/// <summary>The emulator's receipts API over real HTTP: the spec's shapes, strict parameters, scopes, shops, tracking and the order page.</summary>
public sealed class EtsyReceiptsEmulatorTests(UnthrottledEtsyFixture app) : IClassFixture<UnthrottledEtsyFixture>, IDisposable
{
    private const string Scopes = "transactions_r transactions_w shops_r";
    private readonly EtsySandboxDriver _etsy = new(app);

    public void Dispose() => _etsy.Dispose();

    private SandboxOrderBook Book(string seller) => app.Services.GetServices<ISandboxEmulator>().OfType<EtsyEmulator>().Single().Book(seller);

    private async Task<(string Token, long ShopId)> SellerAsync(string account, string scope = Scopes)
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var parameters = await _etsy.AuthorizeParametersAsync(verifier, new Dictionary<string, string?> { ["scope"] = scope });
        var code = (await _etsy.DecideAsync(parameters, account: account))["code"];
        using var response = await _etsy.TokenAsync(await _etsy.ExchangeFormAsync(code, verifier));
        return ((await EtsySandboxDriver.JsonAsync(response)).GetProperty("access_token").GetString()!, EtsySandboxAccount.From(account).ShopId);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(method, "/sandbox/etsy/openapi/v3/application" + path) { Content = content };
        request.Headers.Add("x-api-key", apiKey ?? await _etsy.ApiKeyAsync());
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _etsy.Http.SendAsync(request);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await EtsySandboxDriver.JsonAsync(response);
        Assert.Empty(EtsySchema.Violations(body, "ErrorSchema"));
        return body.GetProperty("error").GetString()!;
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    [Fact]
    public async Task Receipts_conform_to_the_spec_with_money_in_cents_and_times_in_seconds()
    {
        var (token, shop) = await SellerAsync("etsy-schema");
        var book = Book("etsy-schema");
        var shipped = book.Add();
        book.Ship(shipped.Id, o => new SandboxShipment("1234567890", "usps", "9400100000000000000001", DateTimeOffset.UtcNow,
            o.Lines.Select(l => new SandboxShippedLine(l.LineId, l.Quantity)).ToList()));

        using var response = await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts?limit=100", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await EtsySandboxDriver.JsonAsync(response);
        Assert.Empty(EtsySchema.Violations(page, "ShopReceipts"));
        Assert.Equal(book.List().Count, page.GetProperty("count").GetInt32());
        var receipt = page.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("receipt_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) == shipped.Id);
        Assert.Equal(shipped.CreatedAt.ToUnixTimeSeconds(), receipt.GetProperty("created_timestamp").GetInt64());
        Assert.Equal((long)(shipped.Total * 100), receipt.GetProperty("grandtotal").GetProperty("amount").GetInt64());
        Assert.Equal(100, receipt.GetProperty("grandtotal").GetProperty("divisor").GetInt32());
        Assert.Equal(("completed", true), (receipt.GetProperty("status").GetString(), receipt.GetProperty("is_shipped").GetBoolean()));
        Assert.Equal("9400100000000000000001", receipt.GetProperty("shipments")[0].GetProperty("tracking_code").GetString());
        Assert.Equal((long)(shipped.Lines[0].UnitPrice * 100), receipt.GetProperty("transactions")[0].GetProperty("price").GetProperty("amount").GetInt64());

        using var one = await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts/{shipped.Id}", token);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Empty(EtsySchema.Violations(await EtsySandboxDriver.JsonAsync(one), "ShopReceipt"));
    }

    [Fact]
    public async Task Filters_sorting_and_offset_select_the_page()
    {
        var (token, shop) = await SellerAsync("etsy-filters");
        var book = Book("etsy-filters");
        book.AddMany(3);
        var all = book.List();
        var changed = book.Update(all[0].Id, o => o.Status = SandboxOrderStatus.Cancelled);

        using var recent = await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts?min_last_modified={changed.ModifiedAt.ToUnixTimeSeconds()}&sort_on=updated&sort_order=desc", token);
        var page = await EtsySandboxDriver.JsonAsync(recent);
        var results = page.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains(results, r => r.GetProperty("receipt_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) == changed.Id);
        var updated = results.Select(r => r.GetProperty("updated_timestamp").GetInt64()).ToList();
        Assert.All(updated, u => Assert.True(u >= changed.ModifiedAt.ToUnixTimeSeconds()));
        Assert.Equal(updated.OrderDescending(), updated);

        using var canceled = await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts?was_canceled=true", token);
        Assert.Equal([changed.Id], (await EtsySandboxDriver.JsonAsync(canceled)).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("receipt_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var second = await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts?sort_on=receipt_id&sort_order=asc&limit=2&offset=2", token);
        var ids = all.Select(o => long.Parse(o.Id, System.Globalization.CultureInfo.InvariantCulture)).Order().Skip(2).Take(2);
        var secondPage = await EtsySandboxDriver.JsonAsync(second);
        Assert.Equal(ids, secondPage.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("receipt_id").GetInt64()));
        Assert.Equal(all.Count, secondPage.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("min_last_modified=946684799", "min_last_modified")]
    [InlineData("min_last_modified=2026-01-01", "min_last_modified")]
    [InlineData("sort_on=last_modified", "sort_on")]
    [InlineData("sort_order=newest", "sort_order")]
    [InlineData("was_shipped=yes", "was_shipped")]
    public async Task A_parameter_outside_the_spec_is_refused_with_a_400(string query, string parameter)
    {
        var (token, shop) = await SellerAsync("etsy-params");

        using var response = await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts?{query}", token);

        Assert.StartsWith(parameter + " ", await ErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Another_shop_a_missing_scope_and_a_bare_keystring_are_refused()
    {
        var (token, shop) = await SellerAsync("etsy-owner");
        var (_, otherShop) = await SellerAsync("etsy-other-shop");
        var (readOnly, _) = await SellerAsync("etsy-owner", "transactions_r shops_r");
        var (noTransactions, _) = await SellerAsync("etsy-owner", "shops_r");
        var receipt = Book("etsy-owner").List()[0].Id;

        await ErrorAsync(await SendAsync(HttpMethod.Get, $"/shops/{otherShop}/receipts", token), HttpStatusCode.Forbidden);
        Assert.Contains("transactions_r", await ErrorAsync(await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts", noTransactions), HttpStatusCode.Forbidden));
        Assert.Contains("transactions_w", await ErrorAsync(await SendAsync(HttpMethod.Post, $"/shops/{shop}/receipts/{receipt}/tracking", readOnly,
            Form(("tracking_code", "AB1"), ("carrier_name", "usps"))), HttpStatusCode.Forbidden));
        Assert.Equal("Shared secret is required in x-api-key header.",
            await ErrorAsync(await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts", token, apiKey: await _etsy.KeystringAsync()), HttpStatusCode.Forbidden));
        await ErrorAsync(await SendAsync(HttpMethod.Get, $"/shops/{shop}/receipts/{shop}000999", token), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tracking_sent_as_json_as_a_client_generated_from_etsys_live_spec_sends_it_ships_the_receipt()
    {
        var (token, shop) = await SellerAsync("etsy-tracking-json");
        var receipt = Book("etsy-tracking-json").Add();

        using var response = await SendAsync(HttpMethod.Post, $"/shops/{shop}/receipts/{receipt.Id}/tracking", token,
            new StringContent("""{"tracking_code":"JSON1","carrier_name":"usps","send_bcc":true,"note_to_buyer":"Thanks"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("JSON1", Book("etsy-tracking-json").Find(receipt.Id)!.Shipments.Single().TrackingNumber);
    }

    [Fact]
    public async Task Tracking_is_a_form_with_code_and_carrier_and_answers_the_receipt_with_the_shipment()
    {
        var (token, shop) = await SellerAsync("etsy-tracking");
        var book = Book("etsy-tracking");
        var receipt = book.Add();
        book.Update(receipt.Id, o => o.Lines[0].UnitPrice = 25m);
        var path = $"/shops/{shop}/receipts/{receipt.Id}/tracking";

        Assert.Equal("A carrier name is required", await ErrorAsync(await SendAsync(HttpMethod.Post, path, token, Form(("tracking_code", "AB1"))), HttpStatusCode.BadRequest));
        Assert.Equal("A tracking number is required", await ErrorAsync(await SendAsync(HttpMethod.Post, path, token, Form(("carrier_name", "usps"))), HttpStatusCode.BadRequest));
        await ErrorAsync(await SendAsync(HttpMethod.Post, path, token, new StringContent("tracking_code=AB1&carrier_name=usps",
            System.Text.Encoding.UTF8, "text/plain")), HttpStatusCode.BadRequest);
        await ErrorAsync(await SendAsync(HttpMethod.Post, $"/shops/{shop}/receipts/{shop}000999/tracking", token,
            Form(("tracking_code", "AB1"), ("carrier_name", "usps"))), HttpStatusCode.NotFound);
        Assert.Empty(book.Find(receipt.Id)!.Shipments);

        using var response = await SendAsync(HttpMethod.Post, path, token, Form(("tracking_code", "AB1"), ("carrier_name", "usps"), ("send_bcc", "false")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await EtsySandboxDriver.JsonAsync(response);
        Assert.Empty(EtsySchema.Violations(answer, "ShopReceipt"));
        Assert.True(answer.GetProperty("is_shipped").GetBoolean());
        var shipment = answer.GetProperty("shipments").EnumerateArray().Single();
        Assert.Equal(("AB1", "usps"), (shipment.GetProperty("tracking_code").GetString(), shipment.GetProperty("carrier_name").GetString()));
        Assert.Equal(book.Find(receipt.Id)!.Shipments.Single().Id, shipment.GetProperty("receipt_shipping_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_sellers_order_page_shows_the_receipt_and_its_tracking()
    {
        var (token, shop) = await SellerAsync("etsy-order-page");
        var receipt = Book("etsy-order-page").Add();
        using (await SendAsync(HttpMethod.Post, $"/shops/{shop}/receipts/{receipt.Id}/tracking", token, Form(("tracking_code", "PAGE123"), ("carrier_name", "ups")))) { }

        var html = await _etsy.Http.GetStringAsync($"/sandbox/etsy/your/orders/sold?order_id={receipt.Id}");

        Assert.Contains($"order {receipt.Id}", html);
        Assert.Contains("PAGE123", html);
        Assert.Equal(HttpStatusCode.NotFound, (await _etsy.Http.GetAsync("/sandbox/etsy/your/orders/sold?order_id=42")).StatusCode);
    }
}
