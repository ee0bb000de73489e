using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon;

/// <summary>The Login with Amazon token endpoint in the emulator (amazon.md §1.2).</summary>
public sealed class AmazonTokenTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IDisposable
{
    private readonly AmazonSandboxClient _amazon = new(app);
    private SandboxJournal Journal => app.Services.GetRequiredService<SandboxJournal>();

    [Fact]
    public async Task A_code_exchange_issues_an_hour_long_access_token_and_a_refresh_token()
    {
        var before = Journal.Count("amazon", "token");
        var tokens = await _amazon.ConnectAsync();
        Assert.StartsWith("Atza|", tokens.Text("access_token"));
        Assert.StartsWith("Atzr|", tokens.Text("refresh_token"));
        Assert.Equal("bearer", tokens.Text("token_type"));
        Assert.Equal(3600, tokens.GetProperty("expires_in").GetInt32());
        Assert.Equal(before + 1, Journal.Count("amazon", "token"));
    }

    [Fact]
    public async Task A_json_body_is_accepted_as_amazons_own_sdk_sends_it()
    {
        var code = (await _amazon.ApproveAsync())["spapi_oauth_code"];
        var registration = await _amazon.RegistrationAsync();
        var response = await _amazon.Http.PostAsync("/sandbox/amazon/auth/o2/token", SandboxHttp.Json(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = _amazon.Callback,
            ["client_id"] = registration["clientId"], ["client_secret"] = registration["clientSecret"],
        }));
        Assert.StartsWith("Atza|", (await SandboxHttp.JsonAsync(response, HttpStatusCode.OK)).Text("access_token"));
    }

    [Fact]
    public async Task Client_credentials_in_a_basic_header_are_accepted_as_generic_lwa_does()
    {
        var code = (await _amazon.ApproveAsync())["spapi_oauth_code"];
        var registration = await _amazon.RegistrationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/amazon/auth/o2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = _amazon.Callback,
            }),
        };
        request.Headers.Authorization = SandboxHttp.Basic(registration["clientId"], registration["clientSecret"]);
        await SandboxHttp.JsonAsync(await _amazon.Http.SendAsync(request), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_invalid_client_with_401_and_does_not_spend_the_code()
    {
        var code = (await _amazon.ApproveAsync())["spapi_oauth_code"];
        var response = await _amazon.TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = _amazon.Callback,
        }, clientSecret: "not-the-secret");
        var error = await SandboxHttp.JsonAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("invalid_client", error.Text("error"));
        await SandboxHttp.JsonAsync(await _amazon.ExchangeAsync(code), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_without_client_credentials_is_invalid_client()
    {
        var response = await _amazon.Http.PostAsync("/sandbox/amazon/auth/o2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "Atzr|anything",
        }));
        Assert.Equal("invalid_client", (await SandboxHttp.JsonAsync(response, HttpStatusCode.Unauthorized)).Text("error"));
    }

    [Fact]
    public async Task A_code_whose_consent_named_no_redirect_uri_is_exchanged_without_one_as_a_widely_used_client_sends_it()
    {
        // Recorded shape: the amz_sp_api README's exchange (JSON body: grant_type, code, client_id, client_secret).
        var consent = await SandboxConsentPage.DecideAsync(_amazon.Http, await _amazon.ConsentUrlAsync(), "approve");
        var code = SandboxConsentPage.RedirectParameters(consent)["spapi_oauth_code"];
        var registration = await _amazon.RegistrationAsync();

        var response = await _amazon.Http.PostAsync("/sandbox/amazon/auth/o2/token", SandboxHttp.Json(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = registration["clientId"], ["client_secret"] = registration["clientSecret"], ["code"] = code,
        }));

        Assert.StartsWith("Atzr|", (await SandboxHttp.JsonAsync(response, HttpStatusCode.OK)).Text("refresh_token"));
    }

    [Fact]
    public async Task A_code_whose_consent_named_a_redirect_uri_needs_it_repeated()
    {
        var code = (await _amazon.ApproveAsync())["spapi_oauth_code"];

        var error = await SandboxHttp.JsonAsync(await _amazon.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code }),
            HttpStatusCode.BadRequest);

        Assert.Equal("The request is missing a required parameter : redirect_uri", error.Text("error_description"));
    }

    [Fact]
    public async Task A_redirect_uri_other_than_the_one_the_code_went_to_is_invalid_grant()
    {
        var code = (await _amazon.ApproveAsync())["spapi_oauth_code"];
        var error = await SandboxHttp.JsonAsync(await _amazon.ExchangeAsync(code, _amazon.Callback + "/"), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.Text("error"));
        Assert.Equal("The request has an invalid grant parameter : redirect_uri", error.Text("error_description"));
    }

    [Fact]
    public async Task A_code_works_once_and_its_reuse_is_invalid_grant_for_the_code()
    {
        var code = (await _amazon.ApproveAsync())["spapi_oauth_code"];
        await SandboxHttp.JsonAsync(await _amazon.ExchangeAsync(code), HttpStatusCode.OK);
        var error = await SandboxHttp.JsonAsync(await _amazon.ExchangeAsync(code), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.Text("error"));
        Assert.Equal("The request has an invalid grant parameter : code", error.Text("error_description"));
    }

    [Fact]
    public async Task Refresh_gives_a_new_access_token_and_returns_the_same_refresh_token()
    {
        var tokens = await _amazon.ConnectAsync();
        var before = Journal.Count("amazon", "refresh");
        var refreshed = await SandboxHttp.JsonAsync(await _amazon.RefreshAsync(tokens.Text("refresh_token")), HttpStatusCode.OK);
        Assert.Equal(tokens.Text("refresh_token"), refreshed.Text("refresh_token"));
        Assert.NotEqual(tokens.Text("access_token"), refreshed.Text("access_token"));
        Assert.Equal(3600, refreshed.GetProperty("expires_in").GetInt32());
        Assert.Equal(before + 1, Journal.Count("amazon", "refresh"));
        await SandboxHttp.JsonAsync(await _amazon.RefreshAsync(tokens.Text("refresh_token")), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_invalid_grant_in_lwas_words()
    {
        var error = await SandboxHttp.JsonAsync(await _amazon.RefreshAsync("Atzr|never-issued"), HttpStatusCode.BadRequest);
        Assert.Equal("invalid_grant", error.Text("error"));
        Assert.Equal("The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
            error.Text("error_description"));
    }

    [Fact]
    public async Task An_unsupported_grant_type_is_refused()
    {
        var response = await _amazon.TokenAsync(new Dictionary<string, string> { ["grant_type"] = "password" });
        Assert.Equal("unsupported_grant_type", (await SandboxHttp.JsonAsync(response, HttpStatusCode.BadRequest)).Text("error"));
    }

    [Fact]
    public async Task The_sellers_api_refuses_a_call_without_a_valid_access_token_with_403_unauthorized()
    {
        foreach (var token in new[] { null, "Atza|never-issued" })
        {
            var body = await SandboxHttp.JsonAsync(await _amazon.MarketplaceParticipationsAsync(token), HttpStatusCode.Forbidden);
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal("Unauthorized", error.Text("code"));
            Assert.Equal("Access to requested resource is denied.", error.Text("message"));
            Assert.Equal("The access token you provided is revoked, malformed or invalid.", error.Text("details"));
        }
    }

    [Fact]
    public async Task The_sellers_api_lists_the_callers_marketplaces_with_its_store_name()
    {
        var tokens = await _amazon.ConnectAsync("corner-shop");
        var response = await _amazon.MarketplaceParticipationsAsync(tokens.Text("access_token"));
        var body = await SandboxHttp.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("0.016", response.Headers.GetValues("x-amzn-RateLimit-Limit").Single());
        var participations = body.GetProperty("payload").EnumerateArray().ToList();
        Assert.Contains(participations, p => p.GetProperty("marketplace").Text("id") == "ATVPDKIKX0DER");
        foreach (var participation in participations)
        {
            // Required by GetMarketplaceParticipationsResponse in specs/amazon/sellers.json.
            Assert.Equal("corner-shop", participation.Text("storeName"));
            var marketplace = participation.GetProperty("marketplace");
            foreach (var field in new[] { "id", "name", "countryCode", "defaultCurrencyCode", "defaultLanguageCode", "domainName" })
                Assert.False(string.IsNullOrEmpty(marketplace.Text(field)), field);
            Assert.Matches("^[A-Z]{2}$", marketplace.Text("countryCode"));
            Assert.True(participation.GetProperty("participation").GetProperty("isParticipating").GetBoolean());
            Assert.False(participation.GetProperty("participation").GetProperty("hasSuspendedListings").GetBoolean());
        }
    }

    public void Dispose() => _amazon.Dispose();
}
