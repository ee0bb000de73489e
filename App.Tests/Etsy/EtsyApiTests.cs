using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Etsy;

/// <summary>The emulated Open API v3 identity calls and the x-api-key rule every call obeys.</summary>
public sealed class EtsyApiTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly EtsySandboxDriver _etsy = new(app);

    [Fact]
    public async Task Users_me_names_the_tokens_user_and_shop()
    {
        var access = (await _etsy.ConnectAsync()).GetProperty("access_token").GetString()!;

        using var response = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.ApiKeyAsync(), access);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await EtsySandboxDriver.JsonAsync(response);
        Assert.Equal(access.Split('.')[0], me.GetProperty("user_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(me.GetProperty("shop_id").GetInt64() > 0);
    }

    [Fact]
    public async Task Get_shop_answers_the_shop_of_a_seller_who_approved_the_app()
    {
        var access = (await _etsy.ConnectAsync("vintage-corner")).GetProperty("access_token").GetString()!;
        using var meResponse = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.ApiKeyAsync(), access);
        var me = await EtsySandboxDriver.JsonAsync(meResponse);
        var shopId = me.GetProperty("shop_id").GetInt64();

        using var response = await _etsy.ApiAsync($"/v3/application/shops/{shopId}", await _etsy.ApiKeyAsync(), accessToken: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shop = await EtsySandboxDriver.JsonAsync(response);
        Assert.Equal(shopId, shop.GetProperty("shop_id").GetInt64());
        Assert.Equal(me.GetProperty("user_id").GetInt64(), shop.GetProperty("user_id").GetInt64());
        Assert.Equal("VintageCornerShop", shop.GetProperty("shop_name").GetString());
    }

    [Fact]
    public async Task Header_names_and_the_auth_scheme_are_read_in_any_case_as_http_and_rfc_7235_say()
    {
        var access = (await _etsy.ConnectAsync()).GetProperty("access_token").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/etsy/openapi/v3/application/users/me");
        request.Headers.TryAddWithoutValidation("X-API-KEY", await _etsy.ApiKeyAsync());
        request.Headers.TryAddWithoutValidation("AUTHORIZATION", $"bearer {access}");

        using var response = await _etsy.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_shop_is_not_found()
    {
        using var response = await _etsy.ApiAsync("/v3/application/shops/1", await _etsy.ApiKeyAsync(), accessToken: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await EtsySandboxDriver.JsonAsync(response)).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task The_keystring_alone_is_refused_since_the_shared_secret_became_mandatory()
    {
        var access = (await _etsy.ConnectAsync()).GetProperty("access_token").GetString()!;

        using var response = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.KeystringAsync(), access);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("{\"error\":\"Shared secret is required in x-api-key header.\"}", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a:b:c")]
    [InlineData(":secret")]
    public async Task A_malformed_api_key_is_refused_with_the_format_message(string? apiKey)
    {
        var access = (await _etsy.ConnectAsync()).GetProperty("access_token").GetString()!;

        using var response = await _etsy.ApiAsync("/v3/application/users/me", apiKey, access);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Invalid API key: should be in the format 'keystring:shared_secret'.",
            (await EtsySandboxDriver.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_shared_secret_is_refused()
    {
        var access = (await _etsy.ConnectAsync()).GetProperty("access_token").GetString()!;

        using var response = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.KeystringAsync() + ":wrong-secret", access);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Users_me_needs_a_bearer_token()
    {
        using var missing = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.ApiKeyAsync(), accessToken: null);
        using var unknown = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.ApiKeyAsync(), "12345678.not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("invalid_token", (await EtsySandboxDriver.JsonAsync(unknown)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Users_me_needs_the_shops_r_scope()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var parameters = await _etsy.AuthorizeParametersAsync(verifier, new() { ["scope"] = "listings_r" });
        var code = (await _etsy.DecideAsync(parameters))["code"];
        using var exchanged = await _etsy.TokenAsync(await _etsy.ExchangeFormAsync(code, verifier));
        var access = (await EtsySandboxDriver.JsonAsync(exchanged)).GetProperty("access_token").GetString()!;

        using var response = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.ApiKeyAsync(), access);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
