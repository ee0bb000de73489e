using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Etsy;

/// <summary>The emulated www.etsy.com/oauth/connect: what it accepts, what it refuses, where it sends the seller.</summary>
public sealed class EtsyConsentTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly EtsySandboxDriver _etsy = new(app);

    [Fact]
    public async Task Consent_page_lists_the_scopes_and_offers_approve_and_deny()
    {
        var before = _etsy.Journal.Count("etsy", "authorize");
        using var page = await _etsy.ConsentPageAsync(await _etsy.AuthorizeParametersAsync(EtsySandboxDriver.NewVerifier()));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<li>transactions_r</li>", html);
        Assert.Contains(">Approve</button>", html);
        Assert.Contains(">Deny</button>", html);
        Assert.Equal(before + 1, _etsy.Journal.Count("etsy", "authorize"));
    }

    [Fact]
    public async Task Approve_redirects_to_the_registered_callback_with_code_and_state()
    {
        var callback = await _etsy.DecideAsync(await _etsy.AuthorizeParametersAsync(EtsySandboxDriver.NewVerifier()));

        Assert.Equal(["code", "state"], callback.Keys.Order());
        Assert.Equal("state-123", callback["state"]);
        Assert.NotEmpty(callback["code"]);
    }

    [Fact]
    public async Task Deny_redirects_with_access_denied_and_the_state()
    {
        var callback = await _etsy.DecideAsync(await _etsy.AuthorizeParametersAsync(EtsySandboxDriver.NewVerifier()), "deny");

        Assert.Equal("access_denied", callback["error"]);
        Assert.Equal("state-123", callback["state"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/connections/callback/etsy")]
    [InlineData("CALLBACK/")]
    [InlineData("")]
    public async Task A_redirect_uri_that_is_not_exactly_the_registered_one_gets_Etsys_error_page(string redirectUri)
    {
        var parameters = await _etsy.AuthorizeParametersAsync(EtsySandboxDriver.NewVerifier(),
            new() { ["redirect_uri"] = redirectUri.Replace("CALLBACK", _etsy.Callback) });

        using var page = await _etsy.ConsentPageAsync(parameters);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
        Assert.Contains("The requested redirect URL is not permitted.", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_client_id_gets_an_error_page()
    {
        var parameters = await _etsy.AuthorizeParametersAsync(EtsySandboxDriver.NewVerifier(), new() { ["client_id"] = "not-our-keystring" });

        using var page = await _etsy.ConsentPageAsync(parameters);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
    }

    [Theory]
    [InlineData("code_challenge", null, "invalid_request")]
    [InlineData("code_challenge_method", null, "invalid_request")]
    [InlineData("code_challenge_method", "plain", "invalid_request")]
    [InlineData("response_type", "token", "unsupported_response_type")]
    [InlineData("scope", "listings_r,transactions_r", "invalid_scope")]
    [InlineData("scope", "orders_r", "invalid_scope")]
    public async Task A_bad_parameter_is_sent_back_to_the_callback_as_an_OAuth_error(string parameter, string? value, string error)
    {
        var parameters = await _etsy.AuthorizeParametersAsync(EtsySandboxDriver.NewVerifier(), new() { [parameter] = value });

        using var response = await _etsy.ConsentPageAsync(parameters);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(_etsy.Callback + "?", location);
        Assert.Contains($"error={error}", location);
        Assert.Contains("state=state-123", location);
        Assert.DoesNotContain("code=", location);
    }
}
