using System.Net.Http.Headers;
using System.Text;
using Marketplaces.Shopify;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Shopify;

/// <summary>The Shopify emulator over real HTTP: consent, the signed callback, the token endpoint, the GraphQL Admin API.</summary>
public class ShopifyEmulatorTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly ShopifySandboxDriver _driver = new(app);

    [Fact]
    public async Task Consent_page_lists_the_comma_separated_scopes_and_offers_approve_and_deny()
    {
        var before = _driver.Journal.Count("shopify", "authorize");
        var page = await _driver.Http.GetStringAsync(await _driver.AuthorizeUrlAsync());
        Assert.Contains("<li>read_products</li>", page);
        Assert.Contains("<li>write_orders</li>", page);
        Assert.Contains(">Approve</button>", page);
        Assert.Contains(">Deny</button>", page);
        Assert.Equal(before + 1, _driver.Journal.Count("shopify", "authorize"));
    }

    [Fact]
    public async Task Approve_redirects_to_the_callback_with_the_parameters_shopify_sends_signed_with_the_client_secret()
    {
        var response = await SandboxConsentPage.DecideAsync(_driver.Http, await _driver.AuthorizeUrlAsync(), "approve");
        Assert.StartsWith(_driver.Callback + "?", response.Headers.Location!.ToString());
        var callback = SandboxConsentPage.RedirectParameters(response);
        Assert.Equal(["code", "hmac", "host", "shop", "state", "timestamp"], callback.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ShopifySandboxDriver.Shop, callback["shop"]);
        Assert.Equal("nonce-1", callback["state"]);
        var host = callback["host"];
        Assert.Equal("admin.shopify.com/store/corner-store", Encoding.UTF8.GetString(Convert.FromBase64String(host.PadRight((host.Length + 3) / 4 * 4, '='))));
        Assert.InRange(long.Parse(callback["timestamp"]), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.True(ShopifyHmac.Verify((await _driver.AppAsync()).Secret, callback, callback["hmac"]));
    }

    [Fact]
    public async Task Deny_redirects_with_access_denied_the_state_and_a_valid_hmac()
    {
        var callback = SandboxConsentPage.RedirectParameters(
            await SandboxConsentPage.DecideAsync(_driver.Http, await _driver.AuthorizeUrlAsync(), "deny"));
        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("nonce-1", callback["state"]);
        Assert.DoesNotContain("code", callback.Keys);
        Assert.True(ShopifyHmac.Verify((await _driver.AppAsync()).Secret, callback, callback["hmac"]));
    }

    [Theory]
    [InlineData("a redirect_uri that is not registered")]
    [InlineData("an unknown client_id")]
    [InlineData("a shop outside myshopify.com")]
    [InlineData("an invalid scope")]
    [InlineData("online access")]
    public async Task Authorize_shows_an_error_instead_of_redirecting_for(string flaw)
    {
        var url = flaw switch
        {
            "a redirect_uri that is not registered" => await _driver.AuthorizeUrlAsync(redirectUri: _driver.Callback + "?x=1"),
            "an unknown client_id" => await _driver.AuthorizeUrlAsync(clientId: "someone-else"),
            "a shop outside myshopify.com" => await _driver.AuthorizeUrlAsync(shop: "corner-store.example.com"),
            "an invalid scope" => await _driver.AuthorizeUrlAsync(scope: "read_products write_orders"),
            _ => await _driver.AuthorizeUrlAsync(grantOptions: "per-user"),
        };
        var response = await _driver.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sandbox-error", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Exchanging_with_expiring_1_gives_an_expiring_offline_token_and_a_refresh_token()
    {
        var before = _driver.Journal.Count("shopify", "token");
        var tokens = await _driver.ExchangeAsync((await _driver.ApproveAsync())["code"]);
        Assert.StartsWith("shpat_", tokens.GetProperty("access_token").GetString());
        Assert.Equal(ShopifySandboxDriver.Scope, tokens.GetProperty("scope").GetString());
        Assert.Equal(3600, tokens.GetProperty("expires_in").GetInt64());
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
        Assert.Equal(7776000, tokens.GetProperty("refresh_token_expires_in").GetInt64());
        Assert.Equal(before + 1, _driver.Journal.Count("shopify", "token"));
    }

    [Fact]
    public async Task A_form_encoded_exchange_without_expiring_gives_a_non_expiring_offline_token()
    {
        var (id, secret) = await _driver.AppAsync();
        var code = (await _driver.ApproveAsync())["code"];
        var response = await _driver.Http.PostAsync($"{ShopifySandboxDriver.Admin(ShopifySandboxDriver.Shop)}/oauth/access_token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = id, ["client_secret"] = secret, ["code"] = code }));
        var tokens = await ShopifySandboxDriver.JsonAsync(response, HttpStatusCode.OK);
        Assert.True(tokens.TryGetProperty("access_token", out _));
        Assert.False(tokens.TryGetProperty("expires_in", out _));
        Assert.False(tokens.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task An_exchange_naming_grant_type_authorization_code_is_accepted_and_an_unknown_grant_type_is_not()
    {
        var (id, secret) = await _driver.AppAsync();
        var code = (await _driver.ApproveAsync())["code"];
        var unknown = await ShopifySandboxDriver.JsonAsync(await _driver.PostTokenAsync(
            new { client_id = id, client_secret = secret, code, grant_type = "password" }), HttpStatusCode.BadRequest);
        Assert.Equal("unsupported_grant_type", unknown.GetProperty("error").GetString());
        await ShopifySandboxDriver.JsonAsync(await _driver.PostTokenAsync(
            new { client_id = id, client_secret = secret, code, grant_type = "authorization_code", expiring = "1" }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var code = (await _driver.ApproveAsync())["code"];
        await _driver.ExchangeAsync(code);
        var (id, secret) = await _driver.AppAsync();
        var error = await ShopifySandboxDriver.JsonAsync(
            await _driver.PostTokenAsync(new { client_id = id, client_secret = secret, code, expiring = "1" }), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.True(error.TryGetProperty("error_description", out _));
    }

    [Fact]
    public async Task A_code_issued_for_one_shop_does_not_work_at_another()
    {
        var code = (await _driver.ApproveAsync())["code"];
        var (id, secret) = await _driver.AppAsync();
        var error = await ShopifySandboxDriver.JsonAsync(
            await _driver.PostTokenAsync(new { client_id = id, client_secret = secret, code }, "other-store.myshopify.com"), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_client_secret_is_rejected_and_the_code_survives()
    {
        var code = (await _driver.ApproveAsync())["code"];
        var (id, _) = await _driver.AppAsync();
        var error = await ShopifySandboxDriver.JsonAsync(
            await _driver.PostTokenAsync(new { client_id = id, client_secret = "wrong", code, expiring = "1" }), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
        await _driver.ExchangeAsync(code);
    }

    [Fact]
    public async Task Client_credentials_in_a_basic_header_instead_of_the_body_are_rejected()
    {
        var code = (await _driver.ApproveAsync())["code"];
        var (id, secret) = await _driver.AppAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{ShopifySandboxDriver.Admin(ShopifySandboxDriver.Shop)}/oauth/access_token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code, expiring = "1" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        var error = await ShopifySandboxDriver.JsonAsync(await _driver.Http.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_client", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Refresh_rotates_and_the_replaced_refresh_token_is_refused_with_invalid_grant()
    {
        var first = await _driver.ExchangeAsync((await _driver.ApproveAsync())["code"]);
        var before = _driver.Journal.Count("shopify", "refresh");
        var second = await ShopifySandboxDriver.JsonAsync(await _driver.RefreshAsync(first.GetProperty("refresh_token").GetString()!), HttpStatusCode.OK);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), second.GetProperty("access_token").GetString());
        Assert.NotEqual(first.GetProperty("refresh_token").GetString(), second.GetProperty("refresh_token").GetString());
        Assert.Equal(3600, second.GetProperty("expires_in").GetInt64());
        Assert.Equal(before + 1, _driver.Journal.Count("shopify", "refresh"));

        var replay = await ShopifySandboxDriver.JsonAsync(await _driver.RefreshAsync(first.GetProperty("refresh_token").GetString()!), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
        await ShopifySandboxDriver.JsonAsync(await _driver.RefreshAsync(second.GetProperty("refresh_token").GetString()!), HttpStatusCode.OK);
    }

    [Fact]
    public async Task GraphQL_answers_the_shop_query_for_the_tokens_shop()
    {
        var tokens = await _driver.ExchangeAsync((await _driver.ApproveAsync(account: "corner-store"))["code"]);
        var response = await _driver.GraphQlAsync(tokens.GetProperty("access_token").GetString(), "query Shop { shop { name myshopifyDomain } }");
        var shop = (await ShopifySandboxDriver.JsonAsync(response, HttpStatusCode.OK)).GetProperty("data").GetProperty("shop");
        Assert.Equal("Corner Store", shop.GetProperty("name").GetString());
        Assert.Equal(ShopifySandboxDriver.Shop, shop.GetProperty("myshopifyDomain").GetString());
        Assert.Equal("2026-10", response.Headers.GetValues("X-Shopify-API-Version").Single());
    }

    [Fact]
    public async Task GraphQL_without_a_valid_token_for_that_shop_is_401()
    {
        var token = (await _driver.ExchangeAsync((await _driver.ApproveAsync())["code"])).GetProperty("access_token").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _driver.GraphQlAsync(null, "{ shop { name } }")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _driver.GraphQlAsync("shpat_forged", "{ shop { name } }")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _driver.GraphQlAsync(token, "{ shop { name } }", "other-store.myshopify.com")).StatusCode);
    }

    [Theory]
    [InlineData("{ shop { name plan } }", "Field 'plan' doesn't exist on type 'Shop'")]
    [InlineData("{ customers(first: 1) { nodes { id } } }", "Field 'customers' doesn't exist on type 'QueryRoot'")]
    [InlineData("{ shop }", "Field must have selections")]
    [InlineData("{ shop { name(first: 1) } }", "Field 'name' doesn't accept argument 'first'")]
    public async Task GraphQL_reports_what_it_cannot_answer_as_errors(string query, string message)
    {
        var token = (await _driver.ExchangeAsync((await _driver.ApproveAsync())["code"])).GetProperty("access_token").GetString();
        var body = await ShopifySandboxDriver.JsonAsync(await _driver.GraphQlAsync(token, query), HttpStatusCode.OK);
        Assert.Contains(message, body.GetProperty("errors")[0].GetProperty("message").GetString());
    }
}
