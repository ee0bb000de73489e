using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Ebay;

/// <summary>eBay's token endpoint and Commerce Identity API in the emulator (ebay.md §1.3, §1.4).</summary>
public sealed class EbayTokenTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IDisposable
{
    private readonly EbaySandboxClient _ebay = new(app);
    private SandboxJournal Journal => app.Services.GetRequiredService<SandboxJournal>();

    [Fact]
    public async Task A_code_exchange_issues_a_two_hour_user_token_and_an_eighteen_month_refresh_token()
    {
        var before = Journal.Count("ebay", "token");
        var tokens = await _ebay.ConnectAsync();
        Assert.StartsWith("v^1.1#", tokens.Text("access_token"));
        Assert.StartsWith("v^1.1#", tokens.Text("refresh_token"));
        Assert.Equal(7200, tokens.GetProperty("expires_in").GetInt32());
        Assert.Equal(47304000, tokens.GetProperty("refresh_token_expires_in").GetInt32());
        Assert.Equal("User Access Token", tokens.Text("token_type"));
        Assert.Equal(before + 1, Journal.Count("ebay", "token"));
    }

    [Fact]
    public async Task Client_credentials_in_the_body_instead_of_the_basic_header_are_invalid_client()
    {
        var code = (await _ebay.ApproveAsync())["code"];
        var registration = await _ebay.RegistrationAsync();
        var response = await _ebay.Http.PostAsync("/sandbox/ebay/api/identity/v1/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = registration["ruName"],
            ["client_id"] = registration["clientId"], ["client_secret"] = registration["clientSecret"],
        }));
        Assert.Equal("invalid_client", (await SandboxHttp.JsonAsync(response, HttpStatusCode.Unauthorized)).Text("error"));
    }

    [Fact]
    public async Task Client_credentials_repeated_in_the_body_next_to_the_basic_header_are_invalid_client()
    {
        var registration = await _ebay.RegistrationAsync();
        var response = await _ebay.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = (await _ebay.ApproveAsync())["code"], ["redirect_uri"] = registration["ruName"],
            ["client_id"] = registration["clientId"],
        });
        Assert.Equal("invalid_client", (await SandboxHttp.JsonAsync(response, HttpStatusCode.Unauthorized)).Text("error"));
    }

    [Fact]
    public async Task A_wrong_cert_id_is_invalid_client_and_does_not_spend_the_code()
    {
        var code = (await _ebay.ApproveAsync())["code"];
        var registration = await _ebay.RegistrationAsync();
        var response = await _ebay.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = registration["ruName"],
        }, clientSecret: "not-the-cert-id");
        Assert.Equal("invalid_client", (await SandboxHttp.JsonAsync(response, HttpStatusCode.Unauthorized)).Text("error"));
        await SandboxHttp.JsonAsync(await _ebay.ExchangeAsync(code), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_json_body_is_refused()
    {
        var registration = await _ebay.RegistrationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/ebay/api/identity/v1/oauth2/token")
        {
            Content = SandboxHttp.Json(new { grant_type = "refresh_token", refresh_token = "x", scope = EbaySandboxClient.BaseScope }),
        };
        request.Headers.Authorization = SandboxHttp.Basic(registration["clientId"], registration["clientSecret"]);
        Assert.Equal("invalid_request", (await SandboxHttp.JsonAsync(await _ebay.Http.SendAsync(request), HttpStatusCode.BadRequest)).Text("error"));
    }

    [Fact]
    public async Task The_callback_url_as_redirect_uri_instead_of_the_runame_is_invalid_grant()
    {
        var code = (await _ebay.ApproveAsync())["code"];
        var error = await SandboxHttp.JsonAsync(await _ebay.ExchangeAsync(code, _ebay.Callback), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.Text("error"));
    }

    [Fact]
    public async Task A_code_works_once_and_its_reuse_is_invalid_grant_in_ebays_words()
    {
        var code = (await _ebay.ApproveAsync())["code"];
        await SandboxHttp.JsonAsync(await _ebay.ExchangeAsync(code), HttpStatusCode.OK);
        var error = await SandboxHttp.JsonAsync(await _ebay.ExchangeAsync(code), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.Text("error"));
        Assert.Equal("the provided authorization grant code is invalid or was issued to another client", error.Text("error_description"));
    }

    [Fact]
    public async Task Refresh_with_a_subset_of_the_consented_scopes_gives_an_access_token_and_no_new_refresh_token()
    {
        var tokens = await _ebay.ConnectAsync();
        var before = Journal.Count("ebay", "refresh");
        var refreshed = await SandboxHttp.JsonAsync(await _ebay.RefreshAsync(tokens.Text("refresh_token"), EbaySandboxClient.InventoryScope), HttpStatusCode.OK);
        Assert.NotEqual(tokens.Text("access_token"), refreshed.Text("access_token"));
        Assert.Equal(7200, refreshed.GetProperty("expires_in").GetInt32());
        Assert.Equal("User Access Token", refreshed.Text("token_type"));
        Assert.False(refreshed.TryGetProperty("refresh_token", out _));
        Assert.Equal(before + 1, Journal.Count("ebay", "refresh"));
        await SandboxHttp.JsonAsync(await _ebay.RefreshAsync(tokens.Text("refresh_token"), EbaySandboxClient.ConsentedScopes), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_asking_for_a_scope_beyond_the_consent_is_invalid_scope()
    {
        var tokens = await _ebay.ConnectAsync(scope: EbaySandboxClient.BaseScope);
        var error = await SandboxHttp.JsonAsync(
            await _ebay.RefreshAsync(tokens.Text("refresh_token"), EbaySandboxClient.ConsentedScopes), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_scope", error.Text("error"));
    }

    [Fact]
    public async Task Refresh_without_scope_is_refused()
    {
        var tokens = await _ebay.ConnectAsync();
        var response = await _ebay.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.Text("refresh_token"),
        });
        Assert.Equal("invalid_request", (await SandboxHttp.JsonAsync(response, HttpStatusCode.BadRequest)).Text("error"));
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_invalid_grant_in_ebays_words()
    {
        var error = await SandboxHttp.JsonAsync(await _ebay.RefreshAsync("v^1.1#never-issued", EbaySandboxClient.BaseScope), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.Text("error"));
        Assert.Equal("the provided authorization refresh token is invalid or was issued to another client", error.Text("error_description"));
    }

    [Fact]
    public async Task An_application_token_has_the_base_scope_only_and_no_refresh_token()
    {
        var token = await SandboxHttp.JsonAsync(await _ebay.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = EbaySandboxClient.BaseScope,
        }), HttpStatusCode.OK);
        Assert.Equal("Application Access Token", token.Text("token_type"));
        Assert.False(token.TryGetProperty("refresh_token", out _));
        var beyond = await _ebay.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["scope"] = EbaySandboxClient.InventoryScope,
        });
        Assert.Equal("invalid_scope", (await SandboxHttp.JsonAsync(beyond, HttpStatusCode.BadRequest)).Text("error"));
    }

    [Fact]
    public async Task The_identity_api_refuses_a_missing_or_unknown_token_with_401_invalid_access_token()
    {
        foreach (var token in new[] { null, "v^1.1#never-issued" })
        {
            var body = await SandboxHttp.JsonAsync(await _ebay.GetUserAsync(token), HttpStatusCode.Unauthorized);
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal("Invalid access token", error.Text("message"));
            Assert.Equal(1001, error.GetProperty("errorId").GetInt32());
        }
    }

    [Fact]
    public async Task The_identity_api_needs_the_identity_scope()
    {
        var tokens = await _ebay.ConnectAsync();
        var narrowed = await SandboxHttp.JsonAsync(await _ebay.RefreshAsync(tokens.Text("refresh_token"), EbaySandboxClient.InventoryScope), HttpStatusCode.OK);
        await SandboxHttp.JsonAsync(await _ebay.GetUserAsync(narrowed.Text("access_token")), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_identity_api_names_the_user_who_consented()
    {
        var first = await _ebay.ConnectAsync("first-user");
        var second = await _ebay.ConnectAsync("second-user");
        var one = await SandboxHttp.JsonAsync(await _ebay.GetUserAsync(first.Text("access_token")), HttpStatusCode.OK);
        var two = await SandboxHttp.JsonAsync(await _ebay.GetUserAsync(second.Text("access_token")), HttpStatusCode.OK);
        Assert.Equal("first-user", one.Text("username"));
        Assert.Equal("second-user", two.Text("username"));
        Assert.Matches("^[0-9A-Za-z]{11}$", one.Text("userId"));
        Assert.NotEqual(one.Text("userId"), two.Text("userId"));
    }

    public void Dispose() => _ebay.Dispose();
}
