using System.Text.Json;
using Marketplaces.AliExpress.Sandbox;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.AliExpress;

/// <summary>The emulator's dropship APIs on /sync, called with signed requests as any client would (aliexpress.md §4-§5).</summary>
public class AliExpressDropshipEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly AliExpressSandboxDriver _driver = new(app);

    private async Task<JsonElement> CallAsync(string method, params (string Name, string Value)[] parameters)
    {
        var session = (await _driver.CreateTokenAsync(await _driver.ApproveAsync())).GetProperty("access_token").GetString()!;
        return await _driver.SignedPostAsync(AliExpressSandboxDriver.SyncPath, null,
            await _driver.ParametersAsync([("method", method), ("session", session), .. parameters]));
    }

    private long FirstProductWithOptions() =>
        app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single().Catalogue.All.First(p => p.Options.Count == 2).ProductId;

    [Fact]
    public async Task Text_search_answers_camel_case_products_in_a_wrapped_list_inside_its_response_wrapper()
    {
        var answer = await CallAsync("aliexpress.ds.text.search", ("keyWord", "phone"), ("local", "en_US"), ("countryCode", "US"), ("currency", "EUR"),
            ("pageSize", "2"), ("pageIndex", "1"), ("sortBy", "min_price,asc"));
        var data = answer.GetProperty("aliexpress_ds_text_search_response").GetProperty("data");
        var products = data.GetProperty("products").GetProperty("selection_search_product").EnumerateArray().ToList();
        Assert.Equal(2, products.Count);
        Assert.True(data.GetProperty("totalCount").GetInt32() > 2);
        Assert.All(products, p => Assert.Contains("phone", p.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal("EUR", products[0].GetProperty("targetSalePriceCurrency").GetString());
        Assert.True(decimal.Parse(products[0].GetProperty("targetSalePrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    <= decimal.Parse(products[1].GetProperty("targetSalePrice").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Text_search_without_its_required_local_is_a_missing_parameter_error()
    {
        var answer = await CallAsync("aliexpress.ds.text.search", ("keyWord", "phone"), ("countryCode", "US"), ("currency", "USD"));
        var error = answer.GetProperty("error_response");
        Assert.Equal("MissingParameter", error.GetProperty("code").GetString());
        Assert.Contains("local", error.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Product_get_answers_skus_with_attributes_stock_as_strings_and_images_as_one_semicolon_separated_string()
    {
        var id = FirstProductWithOptions();
        var result = (await CallAsync("aliexpress.ds.product.get", ("product_id", id.ToString()), ("ship_to_country", "US"), ("target_currency", "USD")))
            .GetProperty("aliexpress_ds_product_get_response");
        Assert.Equal("200", result.GetProperty("rsp_code").GetString());
        var skus = result.GetProperty("result").GetProperty("ae_item_sku_info_dtos").GetProperty("ae_item_sku_info_d_t_o").EnumerateArray().ToList();
        Assert.True(skus.Count >= 4);
        Assert.Matches(@"^\d+:\d+#[^;]+;\d+:\d+#[^;]+$", skus[0].GetProperty("sku_attr").GetString());
        Assert.Equal(JsonValueKind.String, skus[0].GetProperty("sku_available_stock").ValueKind);
        var images = result.GetProperty("result").GetProperty("ae_multimedia_info_dto").GetProperty("image_urls").GetString()!.Split(';');
        Assert.Equal(3, images.Length);
        var photo = await _driver.Http.GetAsync(new Uri(images[0]).PathAndQuery);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Product_get_of_an_unknown_product_answers_605_and_of_a_country_not_served_602()
    {
        var unknown = (await CallAsync("aliexpress.ds.product.get", ("product_id", "1"), ("ship_to_country", "US"))).GetProperty("aliexpress_ds_product_get_response");
        Assert.Equal("605", unknown.GetProperty("rsp_code").GetString());
        Assert.False(unknown.TryGetProperty("result", out _));
        var elsewhere = (await CallAsync("aliexpress.ds.product.get", ("product_id", FirstProductWithOptions().ToString()), ("ship_to_country", "KP")))
            .GetProperty("aliexpress_ds_product_get_response");
        Assert.Equal("602", elsewhere.GetProperty("rsp_code").GetString());
    }

    [Fact]
    public async Task Freight_query_reads_one_camel_case_json_parameter_and_refuses_snake_case_keys()
    {
        var product = app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single().Catalogue.Find(FirstProductWithOptions())!;
        var query = JsonSerializer.Serialize(new
        {
            quantity = 1, shipToCountry = "DE", productId = product.ProductId.ToString(), selectedSkuId = product.Skus[0].SkuId, language = "en_US", locale = "en_US", currency = "EUR",
        });
        var result = (await CallAsync("aliexpress.ds.freight.query", ("queryDeliveryReq", query))).GetProperty("aliexpress_ds_freight_query_response").GetProperty("result");
        Assert.True(result.GetProperty("success").GetBoolean());
        var options = result.GetProperty("delivery_options").GetProperty("delivery_option_d_t_o").EnumerateArray().ToList();
        Assert.Contains(options, o => o.GetProperty("code").GetString() == "CAINIAO_STANDARD" && o.GetProperty("free_shipping").GetBoolean());
        Assert.All(options, o => Assert.Equal("EUR", o.GetProperty("shipping_fee_currency").GetString()));

        var snake = JsonSerializer.Serialize(new { quantity = 1, ship_to_country = "DE", product_id = product.ProductId.ToString() });
        Assert.Equal("InvalidParameter", (await CallAsync("aliexpress.ds.freight.query", ("queryDeliveryReq", snake))).GetProperty("error_response").GetProperty("code").GetString());

        var nowhere = JsonSerializer.Serialize(new
        {
            quantity = 1, shipToCountry = "KP", productId = product.ProductId.ToString(), selectedSkuId = product.Skus[0].SkuId, language = "en_US", locale = "en_US", currency = "USD",
        });
        var refused = (await CallAsync("aliexpress.ds.freight.query", ("queryDeliveryReq", nowhere))).GetProperty("aliexpress_ds_freight_query_response").GetProperty("result");
        Assert.False(refused.GetProperty("success").GetBoolean());
        Assert.Equal("DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS", refused.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task A_call_beyond_the_apis_queries_per_second_is_refused_with_ApiCallLimit()
    {
        var session = (await _driver.CreateTokenAsync(await _driver.ApproveAsync())).GetProperty("access_token").GetString()!;
        var codes = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            var answer = await _driver.SignedPostAsync(AliExpressSandboxDriver.SyncPath, null, await _driver.ParametersAsync(
                ("method", "aliexpress.ds.text.search"), ("session", session), ("keyWord", "mat"), ("local", "en_US"), ("countryCode", "US"), ("currency", "USD")));
            codes.Add(answer.TryGetProperty("error_response", out var error) ? error.GetProperty("code").GetString() : null);
        }
        Assert.Contains("ApiCallLimit", codes);
        Assert.Null(codes[0]);
    }

    [Fact]
    public async Task Feeds_are_named_as_documented_and_walked_with_a_search_id_that_works_once()
    {
        var names = (await CallAsync("aliexpress.ds.feedname.get")).GetProperty("aliexpress_ds_feedname_get_response").GetProperty("resp_result");
        Assert.Equal(200, names.GetProperty("resp_code").GetInt32());
        var feed = names.GetProperty("result").GetProperty("promos").GetProperty("promo")[0];
        var name = feed.GetProperty("promo_name").GetString()!;

        var session = (await _driver.CreateTokenAsync(await _driver.ApproveAsync())).GetProperty("access_token").GetString()!;
        async Task<JsonElement> PageAsync(params (string, string)[] more) => await _driver.SignedPostAsync(AliExpressSandboxDriver.SyncPath, null,
            await _driver.ParametersAsync([("method", "aliexpress.ds.feed.itemids.get"), ("session", session), ("feed_name", name), ("page_size", "5"), .. more]));
        var first = (await PageAsync()).GetProperty("aliexpress_ds_feed_itemids_get_response").GetProperty("result");
        Assert.Equal(5, first.GetProperty("products").GetProperty("number").GetArrayLength());
        Assert.Equal(feed.GetProperty("product_num").GetInt32(), first.GetProperty("total").GetInt32());
        var searchId = first.GetProperty("search_id").GetString()!;
        await Task.Delay(400); // three calls a second
        var second = (await PageAsync(("search_id", searchId))).GetProperty("aliexpress_ds_feed_itemids_get_response").GetProperty("result");
        Assert.Empty(first.GetProperty("products").GetProperty("number").EnumerateArray().Select(n => n.GetInt64())
            .Intersect(second.GetProperty("products").GetProperty("number").EnumerateArray().Select(n => n.GetInt64())));
        await Task.Delay(400);
        Assert.Equal("InvalidParameter", (await PageAsync(("search_id", searchId))).GetProperty("error_response").GetProperty("code").GetString());
    }
}
