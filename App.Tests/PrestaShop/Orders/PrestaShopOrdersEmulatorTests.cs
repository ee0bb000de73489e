using System.Text.Json;
using System.Xml.Linq;
using Marketplaces.PrestaShop.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.PrestaShop.Orders;

/// <summary>The emulator's orders and shipping resources over real HTTP: output shapes, the query grammar's refusals, the writes' checks.</summary>
public sealed class PrestaShopOrdersEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private const string Window = "filter[date_upd]=[2000-01-01 00:00:00,2100-01-01 00:00:00]";

    private readonly PrestaShopSandbox _sandbox = new(app);

    private SandboxOrderBook Book => _sandbox.Emulator.Book();

    private static async Task<(int Code, string Message)> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return Assert.Single(await PrestaShopSandbox.JsonErrorsAsync(response));
    }

    [Fact]
    public async Task Orders_come_in_prestashops_json_with_strings_a_numeric_id_shop_time_and_order_rows()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        using var response = await _sandbox.GetAsync($"orders?output_format=JSON&display=full&date=1&{Window}&sort=[date_upd_ASC,id_ASC]&limit=0,2", key);

        var page = await SandboxHttp.JsonAsync(response, HttpStatusCode.OK);
        var orders = page.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(2, orders.Count);
        var order = orders[0];
        Assert.Equal(JsonValueKind.Number, order.GetProperty("id").ValueKind);
        Assert.All(order.EnumerateObject().Where(p => p.Name is not ("id" or "associations")), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Matches("^[A-Z]{9}$", order.Text("reference"));
        Assert.Matches(@"^\d+\.\d{6}$", order.Text("total_paid"));
        var sandboxOrder = Book.Find(order.GetProperty("id").GetRawText())!;
        Assert.Equal(PrestaShopSandboxShop.Time.Local(sandboxOrder.ModifiedAt), order.Text("date_upd"));
        Assert.True(string.CompareOrdinal(order.Text("date_upd"), orders[1].Text("date_upd")) <= 0);
        var row = order.GetProperty("associations").GetProperty("order_rows")[0];
        Assert.Equal(JsonValueKind.String, row.GetProperty("id").ValueKind);
        Assert.Equal(sandboxOrder.Lines[0].Sku, row.Text("product_reference"));
    }

    [Fact]
    public async Task One_order_is_under_the_singular_name_a_missing_one_is_an_empty_404_and_xml_is_the_default()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        var id = Book.List()[0].Id;

        var one = await SandboxHttp.JsonAsync(await _sandbox.GetAsync($"orders/{id}?output_format=JSON", key), HttpStatusCode.OK);
        Assert.Equal(id, one.GetProperty("order").GetProperty("id").GetRawText());

        using var missing = await _sandbox.GetAsync("orders/99999?output_format=JSON", key);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("", await missing.Content.ReadAsStringAsync());

        using var xml = await _sandbox.GetAsync($"orders/{id}", key);
        var rows = XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!.Element("order")!.Element("associations")!.Element("order_rows")!;
        Assert.Equal("order_row", rows.Attribute("nodeType")!.Value);
        Assert.NotEmpty(rows.Elements("order_row"));
    }

    [Fact]
    public async Task An_empty_list_is_a_bare_json_array()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        using var response = await _sandbox.GetAsync("orders?output_format=JSON&date=1&filter[date_upd]=[2000-01-01 00:00:00,2000-01-02 00:00:00]", key);

        Assert.Equal("[]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dates_can_be_filtered_and_sorted_only_with_date_1()
    {
        var key = await _sandbox.WebserviceKeyAsync();

        var filter = await ErrorAsync(await _sandbox.GetAsync($"orders?output_format=JSON&{Window}", key), HttpStatusCode.BadRequest);
        var sort = await ErrorAsync(await _sandbox.GetAsync("orders?output_format=JSON&sort=[date_upd_ASC]", key), HttpStatusCode.BadRequest);

        Assert.Equal(32, filter.Code);
        Assert.StartsWith("This filter does not exist. Did you mean: ", filter.Message);
        Assert.Equal(38, sort.Code);
    }

    [Theory]
    [InlineData("limit=0,3,5", 39)]
    [InlineData("limit=first", 39)]
    [InlineData("sort=[date_upd]", 37)]
    [InlineData("filter[id]=", 33)]
    [InlineData("filter[nope]=[1]", 32)]
    [InlineData("filter[customer][id]=[1]", 31)]
    [InlineData("display=[id,nope]", 35)]
    [InlineData("display=id", 36)]
    [InlineData("modified_after=2026-01-01", 999)]
    public async Task A_malformed_list_query_is_refused_with_prestashops_error(string query, int code)
    {
        var key = await _sandbox.WebserviceKeyAsync();
        var error = await ErrorAsync(await _sandbox.GetAsync($"orders?output_format=JSON&date=1&{query}", key), HttpStatusCode.BadRequest);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public async Task The_related_resources_answer_by_id_batches()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        var ids = string.Join("|", Book.List().Take(2).Select(o => o.Sequence));

        foreach (var resource in new[] { "customers", "addresses", "order_carriers" })
        {
            var page = await SandboxHttp.JsonAsync(await _sandbox.GetAsync($"{resource}?output_format=JSON&display=full&filter[id]=[{ids}]", key), HttpStatusCode.OK);
            Assert.Equal(2, page.GetProperty(resource).GetArrayLength());
        }
        var states = await SandboxHttp.JsonAsync(await _sandbox.GetAsync("order_states?output_format=JSON&display=[id,name,shipped]&filter[id]=[4]", key), HttpStatusCode.OK);
        Assert.Equal(("Shipped", "1"), (states.GetProperty("order_states")[0].Text("name"), states.GetProperty("order_states")[0].Text("shipped")));
    }

    [Fact]
    public async Task Writes_take_xml_only_and_check_ids_and_required_fields()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        var order = Book.List()[0];
        string Carrier(string fields) => $"<prestashop><order_carrier>{fields}</order_carrier></prestashop>";
        var whole = $"<id>{order.Sequence}</id><id_order>{order.Id}</id_order><id_carrier>2</id_carrier>";

        var json = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Put, $"order_carriers/{order.Sequence}?output_format=JSON", key,
            """{"order_carrier":{"tracking_number":"X"}}"""), HttpStatusCode.InternalServerError);
        var noId = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Put, $"order_carriers/{order.Sequence}?output_format=JSON", key,
            Carrier("<tracking_number>1Z</tracking_number>")), HttpStatusCode.BadRequest);
        var unknown = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Put, "order_carriers/99999?output_format=JSON", key,
            Carrier("<id>99999</id><id_order>1</id_order><id_carrier>2</id_carrier><tracking_number>1Z</tracking_number>")), HttpStatusCode.NotFound);
        var partial = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Put, $"order_carriers/{order.Sequence}?output_format=JSON", key,
            Carrier($"<id>{order.Sequence}</id><tracking_number>1Z</tracking_number>")), HttpStatusCode.BadRequest);
        var empty = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Put, $"order_carriers/{order.Sequence}?output_format=JSON", key,
            Carrier(whole + "<tracking_number></tracking_number>")), HttpStatusCode.BadRequest);
        var badTracking = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Put, $"order_carriers/{order.Sequence}?output_format=JSON", key,
            Carrier(whole + "<tracking_number>1Z*99</tracking_number>")), HttpStatusCode.BadRequest);

        Assert.Equal(127, json.Code);
        Assert.Equal((90, "id is required when modifying a resource"), noId);
        Assert.Equal((92, "Invalid ID"), unknown);
        Assert.Equal((41, "parameter \"id_order\" required"), partial);
        Assert.Equal((85, "Validation error: \"Property OrderCarrier->tracking_number is empty\""), empty);
        Assert.Equal((85, "Validation error: \"Property OrderCarrier->tracking_number is not valid\""), badTracking);
        Assert.Empty(Book.Find(order.Id)!.Shipments);
    }

    [Fact]
    public async Task An_order_state_for_an_unknown_order_is_a_404_and_an_id_on_post_is_refused()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        string History(string fields) => $"<prestashop><order_history>{fields}</order_history></prestashop>";

        var unknown = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Post, "order_histories?output_format=JSON", key,
            History("<id_order>99999</id_order><id_order_state>4</id_order_state>")), HttpStatusCode.NotFound);
        var withId = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Post, "order_histories?output_format=JSON", key,
            History("<id>3</id><id_order>1</id_order><id_order_state>4</id_order_state>")), HttpStatusCode.BadRequest);
        var noState = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Post, "order_histories?output_format=JSON", key,
            History("<id_order>1</id_order>")), HttpStatusCode.BadRequest);

        Assert.Equal((87, "Id(s) not exists: 99999"), unknown);
        Assert.Equal(91, withId.Code);
        Assert.Equal((41, "parameter \"id_order_state\" required"), noState);
    }

    [Fact]
    public async Task Tracking_and_the_shipped_state_reach_the_order_and_its_back_office_page()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        var order = Book.Add();
        var carrier = $"<prestashop><order_carrier><id>{order.Sequence}</id><id_order>{order.Id}</id_order><id_carrier>2</id_carrier>" +
                      "<tracking_number>1Z999AA10123456784</tracking_number></order_carrier></prestashop>";

        var put = await SandboxHttp.JsonAsync(await _sandbox.SendAsync(HttpMethod.Put, $"order_carriers/{order.Sequence}?sendemail=1&output_format=JSON", key, carrier), HttpStatusCode.OK);
        var post = await SandboxHttp.JsonAsync(await _sandbox.SendAsync(HttpMethod.Post, "order_histories?sendemail=1&output_format=JSON", key,
            $"<prestashop><order_history><id_order>{order.Id}</id_order><id_order_state>4</id_order_state></order_history></prestashop>"), HttpStatusCode.Created);

        Assert.Equal("1Z999AA10123456784", put.GetProperty("order_carrier").Text("tracking_number"));
        Assert.Equal(order.Id, post.GetProperty("order_history").Text("id_order"));
        Assert.Equal(SandboxOrderStatus.Shipped, Book.Find(order.Id)!.Status);
        var page = await _sandbox.Http.GetStringAsync($"/sandbox/prestashop/admin-sandbox/index.php?controller=AdminOrders&id_order={order.Id}&vieworder");
        Assert.Contains("1Z999AA10123456784", page);
        Assert.Contains("Shipped", page);
    }

    [Fact]
    public async Task A_read_only_key_may_read_but_not_write()
    {
        var key = await _sandbox.WebserviceKeyAsync();
        _sandbox.Emulator.Keys.SetReadOnly(key, true);

        using var read = await _sandbox.GetAsync("orders?output_format=JSON", key);
        var write = await ErrorAsync(await _sandbox.SendAsync(HttpMethod.Post, "order_histories?output_format=JSON", key,
            "<prestashop><order_history><id_order>1</id_order><id_order_state>4</id_order_state></order_history></prestashop>"), HttpStatusCode.MethodNotAllowed);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal((25, "Method POST is not allowed for the resource order_histories with this authentication key"), write);
    }
}
