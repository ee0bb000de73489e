using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.TikTok;

/// <summary>The emulated www.tiktok.com/v2/auth/authorize/: what it accepts, what it refuses, where it sends the user.</summary>
public sealed class TikTokAuthorizeTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly TikTokSandboxDriver _tiktok = new(app);

    [Fact]
    public async Task Consent_page_lists_the_comma_separated_scopes_and_offers_approve_and_deny()
    {
        var before = _tiktok.Journal.Count("tiktok", "authorize");
        using var page = await _tiktok.ConsentPageAsync(await _tiktok.AuthorizeParametersAsync());

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<li>video.publish</li>", html);
        Assert.Contains(">Approve</button>", html);
        Assert.Contains(">Deny</button>", html);
        Assert.Equal(before + 1, _tiktok.Journal.Count("tiktok", "authorize"));
    }

    [Fact]
    public async Task Approve_redirects_with_code_granted_scopes_and_state()
    {
        var callback = await _tiktok.DecideAsync(await _tiktok.AuthorizeParametersAsync());

        Assert.Equal(["code", "scopes", "state"], callback.Keys.Order());
        Assert.Equal("user.info.basic,video.upload,video.publish", callback["scopes"]);
        Assert.Equal("state-456", callback["state"]);
    }

    [Fact]
    public async Task Deny_redirects_with_error_and_description()
    {
        var callback = await _tiktok.DecideAsync(await _tiktok.AuthorizeParametersAsync(), "deny");

        Assert.Equal("access_denied", callback["error"]);
        Assert.False(string.IsNullOrEmpty(callback["error_description"]));
        Assert.Equal("state-456", callback["state"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Theory]
    [InlineData("redirect_uri", "http://127.0.0.1:1/connections/callback/tiktok")]
    [InlineData("redirect_uri", null)]
    [InlineData("client_key", "not-our-client-key")]
    [InlineData("client_id", "CLIENT_KEY")]
    public async Task An_unknown_app_or_unregistered_redirect_uri_gets_an_error_page(string parameter, string? value)
    {
        var parameters = await _tiktok.AuthorizeParametersAsync();
        if (parameter == "client_id")
        {
            // The OAuth-standard name instead of TikTok's client_key.
            parameters["client_id"] = parameters["client_key"];
            parameters.Remove("client_key");
        }
        else
        {
            parameters[parameter] = value;
        }

        using var page = await _tiktok.ConsentPageAsync(parameters);

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Null(page.Headers.Location);
    }

    [Theory]
    [InlineData("scope", "user.info.basic video.upload", "invalid_scope")]
    [InlineData("scope", "", "invalid_scope")]
    [InlineData("response_type", "token", "unsupported_response_type")]
    [InlineData("disable_auto_auth", "yes", "invalid_request")]
    public async Task A_bad_parameter_is_sent_back_to_the_callback_as_an_error(string parameter, string value, string error)
    {
        using var response = await _tiktok.ConsentPageAsync(await _tiktok.AuthorizeParametersAsync(new() { [parameter] = value }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(_tiktok.Callback + "?", location);
        Assert.Contains($"error={error}", location);
        Assert.Contains("state=state-456", location);
    }
}
