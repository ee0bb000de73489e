using System.Text.Json;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;

namespace Marketplaces.Tests.WooCommerce.Orders;

/// <summary>The emulator's orders API over real HTTP: WooCommerce's JSON and headers, WordPress's validation and errors.</summary>
public sealed class WooCommerceOrdersEmulatorTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private readonly HttpClient _http = new() { BaseAddress = app.ServerAddress };

    private async Task<(string Api, WooCommerceSandbox.Keys Keys, string Site)> StoreAsync(string site)
    {
        var keys = await WooCommerceStores.KeysAsync(app, site);
        return ($"{WooCommerceStores.Url(app, site)}/wp-json", keys, site);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, WooCommerceSandbox.Keys keys, object? body = null) =>
        _http.SendAsync(WooCommerceStores.Signed(method, url, keys, body));

    private static async Task AssertErrorAsync(HttpResponseMessage response, int status, string code, string? message = null)
    {
        var (actualCode, actualMessage, actualStatus) = await WooCommerceSandbox.ErrorAsync(response);
        Assert.Equal((status, code), ((int)response.StatusCode, actualCode));
        Assert.Equal(status, actualStatus);
        if (message is not null) Assert.Equal(message, actualMessage);
    }

    [Fact]
    public async Task Orders_come_in_woocommerce_json_with_total_pages_and_link_headers()
    {
        var (api, keys, site) = await StoreAsync("emulator-list");
        var count = WooCommerceStores.Emulator(app).Book(site).List().Count;

        var response = await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders?per_page=2&page=1&orderby=id&order=asc", keys);

        var page = await SandboxHttp.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(count.ToString(), response.Headers.GetValues("X-WP-Total").Single());
        Assert.Equal(((count + 1) / 2).ToString(), response.Headers.GetValues("X-WP-TotalPages").Single());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains($"{api}/wc/v3/orders?per_page=2&orderby=id&order=asc", link);
        Assert.EndsWith("page=2>; rel=\"next\"", link);
        Assert.Equal(2, page.GetArrayLength());
        var order = page[0];
        Assert.True(order.GetProperty("id").GetInt64() < page[1].GetProperty("id").GetInt64());
        Assert.Equal(order.GetProperty("id").GetInt64().ToString(), order.Text("number"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", order.Text("date_modified_gmt"));
        Assert.Equal(DateTime.Parse(order.Text("date_modified_gmt")).AddHours(2), DateTime.Parse(order.Text("date_modified")));
        Assert.Matches(@"^\d+\.\d\d$", order.Text("total"));
        Assert.Contains(order.Text("status"), new[] { "processing", "completed" });
        var line = order.GetProperty("line_items")[0];
        Assert.Equal(JsonValueKind.Number, line.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Number, line.GetProperty("price").ValueKind);
        Assert.Matches(@"^\d+\.\d\d$", line.Text("total"));
        foreach (var field in new[] { "first_name", "last_name", "address_1", "city", "postcode", "country" })
            Assert.True(order.GetProperty("shipping").TryGetProperty(field, out _), field);

        var one = await SandboxHttp.JsonAsync(await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders/{order.GetProperty("id").GetInt64()}", keys), HttpStatusCode.OK);
        Assert.Equal(order.GetRawText(), one.GetRawText());
    }

    [Fact]
    public async Task A_parameter_sent_twice_counts_once_with_its_last_value_as_php_reads_it()
    {
        var (api, keys, site) = await StoreAsync("emulator-repeated");
        var book = WooCommerceStores.Emulator(app).Book(site);
        var first = (await SandboxHttp.JsonAsync(await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders?per_page=2&page=1&orderby=id&order=asc&status=any", keys),
            HttpStatusCode.OK)).GetRawText();

        // What an OAuth 1.0a client over plain HTTP sends: the URL's parameters, signed, and then the same again.
        // WordPress also takes any numeric string with a whole value as an integer.
        const string query = "per_page=2.0&page=1e0&orderby=id&order=asc&status=any";
        var request = WooCommerceStores.Signed(HttpMethod.Get, $"{api}/wc/v3/orders?{query}", keys);
        request.RequestUri = new Uri($"{request.RequestUri}&{query}");
        var twice = await _http.SendAsync(request);

        var page = await SandboxHttp.JsonAsync(twice, HttpStatusCode.OK);
        Assert.Equal(first, page.GetRawText());
        Assert.Equal(book.List().Count.ToString(), twice.Headers.GetValues("X-WP-Total").Single());
    }

    [Theory]
    [InlineData("per_page=101", "per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)")]
    [InlineData("per_page=2.5", "per_page", "per_page is not of type integer.")]
    [InlineData("per_page=0", "per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)")]
    [InlineData("page=0", "page", "page must be greater than or equal to 1")]
    [InlineData("modified_after=yesterday", "modified_after", "Invalid date.")]
    [InlineData("orderby=price", "orderby", "orderby is not one of date, id, include, title, slug, and modified.")]
    [InlineData("dates_are_gmt=maybe", "dates_are_gmt", "dates_are_gmt is not of type boolean.")]
    public async Task Invalid_list_arguments_are_refused_with_rest_invalid_param(string query, string parameter, string message)
    {
        var (api, keys, _) = await StoreAsync("emulator-invalid");

        var response = await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders?{query}", keys);

        var body = await SandboxHttp.JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("rest_invalid_param", body.Text("code"));
        Assert.Equal($"Invalid parameter(s): {parameter}", body.Text("message"));
        Assert.Equal(400, body.GetProperty("data").GetProperty("status").GetInt32());
        Assert.Equal(message, body.GetProperty("data").GetProperty("params").Text(parameter));
    }

    [Fact]
    public async Task Modified_after_is_exclusive_and_read_in_gmt_or_store_time_as_dates_are_gmt_says()
    {
        var (api, keys, site) = await StoreAsync("emulator-dates");
        var latest = WooCommerceStores.Emulator(app).Book(site).List().MaxBy(o => o.ModifiedAt)!;
        var gmt = latest.ModifiedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss");
        var local = latest.ModifiedAt.UtcDateTime.AddHours(2).AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss");

        var atIt = await SandboxHttp.JsonAsync(await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders?modified_after={gmt}&dates_are_gmt=true", keys), HttpStatusCode.OK);
        var inLocalTime = await SandboxHttp.JsonAsync(await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders?modified_after={local}", keys), HttpStatusCode.OK);

        Assert.Equal(0, atIt.GetArrayLength());
        Assert.Equal(latest.Id, inLocalTime.EnumerateArray().Single().GetProperty("id").GetInt64().ToString());
    }

    [Fact]
    public async Task Callers_without_a_key_or_with_another_sites_key_are_refused()
    {
        var (api, keys, _) = await StoreAsync("emulator-auth");
        var otherSite = await WooCommerceStores.KeysAsync(app, "emulator-other");

        await AssertErrorAsync(await _http.GetAsync($"{api}/wc/v3/orders"), 401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        await AssertErrorAsync(await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders", otherSite), 401, "woocommerce_rest_authentication_error", "Consumer key is invalid.");
        await AssertErrorAsync(await _http.PostAsync($"{api}/wc/v3/orders/723/notes", SandboxHttp.Json(new { note = "x" })), 401, "woocommerce_rest_cannot_create");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders", keys)).StatusCode);
    }

    [Fact]
    public async Task Unknown_orders_and_bad_statuses_get_woocommerces_errors()
    {
        var (api, keys, site) = await StoreAsync("emulator-errors");
        var known = WooCommerceStores.Emulator(app).Book(site).List()[0].Id;

        await AssertErrorAsync(await SendAsync(HttpMethod.Get, $"{api}/wc/v3/orders/999999", keys), 404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
        await AssertErrorAsync(await SendAsync(HttpMethod.Put, $"{api}/wc/v3/orders/999999", keys, new { status = "completed" }), 400, "woocommerce_rest_shop_order_invalid_id");
        await AssertErrorAsync(await SendAsync(HttpMethod.Post, $"{api}/wc/v3/orders/999999/notes", keys, new { note = "x" }), 404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");
        await AssertErrorAsync(await SendAsync(HttpMethod.Post, $"{api}/wc/v3/orders/{known}/notes", keys, new { customer_note = true }), 400, "rest_missing_callback_param", "Missing parameter(s): note");

        var badStatus = await SandboxHttp.JsonAsync(await SendAsync(HttpMethod.Put, $"{api}/wc/v3/orders/{known}", keys, new { status = "shipped" }), HttpStatusCode.BadRequest);
        Assert.Equal("rest_invalid_param", badStatus.Text("code"));
        Assert.Equal("status is not one of pending, processing, on-hold, completed, cancelled, refunded, failed, and checkout-draft.",
            badStatus.GetProperty("data").GetProperty("params").Text("status"));
    }

    [Fact]
    public async Task An_update_sets_the_status_and_meta_and_moves_date_modified_forward()
    {
        var (api, keys, site) = await StoreAsync("emulator-update");
        var order = WooCommerceStores.Emulator(app).Book(site).List()[0];
        var before = order.ModifiedAt;

        var updated = await SandboxHttp.JsonAsync(await SendAsync(HttpMethod.Put, $"{api}/wc/v3/orders/{order.Id}", keys,
            new { status = "on-hold", meta_data = new[] { new { key = "dashboard", value = "yes" } } }), HttpStatusCode.OK);

        Assert.Equal("on-hold", updated.Text("status"));
        Assert.Equal("yes", updated.GetProperty("meta_data").EnumerateArray().Single(m => m.Text("key") == "dashboard").Text("value"));
        Assert.True(order.ModifiedAt > before);
    }

    [Fact]
    public async Task The_extensions_routes_exist_only_where_it_is_active_and_require_a_number_and_provider()
    {
        var (api, keys, site) = await StoreAsync("emulator-tracking");
        var order = WooCommerceStores.Emulator(app).Book(site).List()[0].Id;
        var trackings = $"{api}/wc-shipment-tracking/v3/orders/{order}/shipment-trackings";

        WooCommerceStores.Emulator(app).Site(site).ShipmentTracking = false;
        await AssertErrorAsync(await SendAsync(HttpMethod.Get, trackings, keys), 404, "rest_no_route");
        var index = await SandboxHttp.JsonAsync(await _http.GetAsync($"{WooCommerceStores.Url(app, site)}/wp-json"), HttpStatusCode.OK);
        Assert.DoesNotContain("wc-shipment-tracking/v3", index.GetProperty("namespaces").EnumerateArray().Select(n => n.GetString()));

        WooCommerceStores.Emulator(app).Site(site).ShipmentTracking = true;
        Assert.Equal(0, (await SandboxHttp.JsonAsync(await SendAsync(HttpMethod.Get, trackings, keys), HttpStatusCode.OK)).GetArrayLength());
        await AssertErrorAsync(await SendAsync(HttpMethod.Post, trackings, keys, new { tracking_provider = "USPS" }), 400, "rest_missing_callback_param", "Missing parameter(s): tracking_number");
        await AssertErrorAsync(await SendAsync(HttpMethod.Post, trackings, keys, new { tracking_number = "1" }), 400, "rest_missing_callback_param");
        var created = await SendAsync(HttpMethod.Post, trackings, keys, new { tracking_provider = "USPS", tracking_number = "9400111899560000000000", date_shipped = "2026-07-10" });
        var item = await SandboxHttp.JsonAsync(created, HttpStatusCode.Created);
        Assert.Equal($"{trackings}/{item.Text("tracking_id")}", created.Headers.Location!.ToString());
        Assert.Equal("2026-07-10", item.Text("date_shipped"));
    }

    [Fact]
    public async Task The_order_page_the_dashboard_links_to_shows_the_order()
    {
        var (_, _, site) = await StoreAsync("emulator-page");
        var order = WooCommerceStores.Emulator(app).Book(site).List()[0];

        var page = await _http.GetStringAsync($"{WooCommerceStores.Url(app, site)}/wp-admin/admin.php?page=wc-orders&action=edit&id={order.Id}");

        Assert.Contains($"order {order.Id}", page);
    }
}
