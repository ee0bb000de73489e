using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Marketplaces.AliExpress;
using Marketplaces.AliExpress.Sandbox;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.AliExpress;

/// <summary>
/// Business calls as AliExpress's official IOP SDKs send them (recorded shapes, aliexpress.md §1, §3 [A7][A8]), against
/// the emulator with only the host changed: the Java SDK posts to <c>/sync?method=…</c> with every system parameter
/// (and the sign) in the query and the business parameters in the form body, tagged <c>partner_id</c> and
/// <c>simplify=true</c>; the Python SDK posts every parameter as a form field with <c>simplify=false</c>; a short call
/// may be a GET; the reference's TOP-style timestamp (<c>yyyy-MM-dd HH:mm:ss</c>, GMT+8) is accepted on /sync.
/// </summary>
public sealed class AliExpressClientConformanceTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    private const string Sync = "/sandbox/aliexpress/sync";
    private readonly AliExpressSandboxDriver _driver = new(app);

    public Task InitializeAsync() => app.EnsureOwnerAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Key, string Secret, string Session)> CredentialsAsync(string account)
    {
        var id = await SandboxAccounts.ConnectAsync(app, "aliexpress", account);
        var (key, secret) = await _driver.AppAsync();
        return (key, secret, (await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(id))[TokenVault.AccessToken]);
    }

    private static Dictionary<string, string> System(string key, string session, string method, string partner, string? timestamp = null) => new()
    {
        ["app_key"] = key, ["session"] = session, ["method"] = method, ["sign_method"] = "sha256", ["partner_id"] = partner,
        ["timestamp"] = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<JsonElement> WrapperAsync(HttpResponseMessage response, string method)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.False(root.TryGetProperty("error_response", out _), text);
        return root.GetProperty(method.Replace('.', '_') + "_response");
    }

    /// <summary>The Java SDK: system parameters and the sign in the URL, business parameters in the form body.</summary>
    private async Task<JsonElement> JavaAsync(string secret, Dictionary<string, string> system, Dictionary<string, string> business)
    {
        system["simplify"] = "true";
        system["sign"] = IopSigner.Sign(secret, null, system.Concat(business));
        using var http = app.CreateClient();
        var content = new StringContent(string.Join('&', business.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")), Encoding.UTF8);
        content.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = "UTF-8" };
        return await WrapperAsync(await http.PostAsync(QueryHelpers.AddQueryString(Sync, system!), content), system["method"]);
    }

    /// <summary>The Python SDK: every parameter a form field.</summary>
    private async Task<JsonElement> PythonAsync(string secret, Dictionary<string, string> system, Dictionary<string, string> business)
    {
        var all = system.Concat(business).ToDictionary();
        all["simplify"] = "false";
        all["sign"] = IopSigner.Sign(secret, null, all);
        using var http = app.CreateClient();
        return await WrapperAsync(await http.PostAsync(Sync, new FormUrlEncodedContent(all)), system["method"]);
    }

    [Fact]
    public async Task The_java_sdks_search_and_the_python_sdks_product_read_succeed()
    {
        var (key, secret, session) = await CredentialsAsync("sdk-java-buyer");
        var search = await JavaAsync(secret, System(key, session, "aliexpress.ds.text.search", "iop-sdk-java-20181207"),
            new() { ["keyWord"] = "led strip", ["local"] = "en_US", ["countryCode"] = "US", ["currency"] = "USD", ["pageSize"] = "10", ["pageIndex"] = "1" });
        var id = search.GetProperty("data").GetProperty("products").GetProperty("selection_search_product")[0].GetProperty("itemId").GetString()!;

        var product = await PythonAsync(secret, System(key, session, "aliexpress.ds.product.get", "iop-sdk-python-20220609"),
            new() { ["product_id"] = id, ["ship_to_country"] = "US", ["target_currency"] = "USD", ["target_language"] = "en" });
        Assert.Equal(id, product.GetProperty("result").GetProperty("ae_item_base_info_dto").GetProperty("product_id").GetRawText());
    }

    [Fact]
    public async Task A_short_call_as_a_get_with_a_top_style_timestamp_and_an_order_placed_as_the_python_sdk_does_succeed()
    {
        var (key, secret, session) = await CredentialsAsync("sdk-python-buyer");
        var emulator = app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single();
        var product = emulator.Catalogue.All.First(p => p.Options.Count == 0);
        var gmt8 = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var query = System(key, session, "aliexpress.ds.freight.query", "iop-sdk-java-20181207", gmt8);
        query["queryDeliveryReq"] = JsonSerializer.Serialize(new
        {
            quantity = 1, shipToCountry = "FR", productId = product.ProductId.ToString(CultureInfo.InvariantCulture), selectedSkuId = product.Skus[0].SkuId,
            language = "en_US", locale = "en_US", currency = "EUR",
        });
        query["sign"] = IopSigner.Sign(secret, null, query);
        using var http = app.CreateClient();
        var freight = await WrapperAsync(await http.GetAsync(QueryHelpers.AddQueryString(Sync, query!)), "aliexpress.ds.freight.query");
        Assert.True(freight.GetProperty("result").GetProperty("success").GetBoolean());

        var order = await PythonAsync(secret, System(key, session, "aliexpress.ds.order.create", "iop-sdk-python-20220609"), new()
        {
            ["param_place_order_request4_open_api_d_t_o"] = JsonSerializer.Serialize(new
            {
                out_order_id = "sdk-order-1",
                logistics_address = new
                {
                    address = "12 Rue de Rivoli", city = "Paris", province = "Ile-de-France", country = "FR", zip = "75001", contact_person = "Camille Martin",
                    full_name = "Camille Martin", mobile_no = "33612345678", phone_country = "+33",
                },
                product_items = new[] { new { product_id = product.ProductId, product_count = 1, sku_attr = "", logistics_service_name = "CAINIAO_STANDARD" } },
            }),
        });
        Assert.True(order.GetProperty("result").GetProperty("is_success").GetBoolean());
    }
}
