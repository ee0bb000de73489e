using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Etsy;

/// <summary>The emulated api.etsy.com/v3/public/oauth/token: a public client with PKCE and rotating refresh tokens.</summary>
public sealed class EtsyTokenEndpointTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly EtsySandboxDriver _etsy = new(app);

    [Fact]
    public async Task Exchanging_a_code_gives_user_id_prefixed_tokens_for_one_hour()
    {
        var before = _etsy.Journal.Count("etsy", "token");

        var tokens = await _etsy.ConnectAsync();

        var access = tokens.GetProperty("access_token").GetString()!;
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        var userId = access[..access.IndexOf('.')];
        Assert.Matches("^[1-9][0-9]+$", userId);
        Assert.StartsWith(userId + ".", refresh);
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Equal(3600, tokens.GetProperty("expires_in").GetInt32());
        Assert.Equal(before + 1, _etsy.Journal.Count("etsy", "token"));
    }

    [Fact]
    public async Task Two_sandbox_accounts_are_two_different_Etsy_users()
    {
        var first = (await _etsy.ConnectAsync("first-seller")).GetProperty("access_token").GetString()!;
        var second = (await _etsy.ConnectAsync("second-seller")).GetProperty("access_token").GetString()!;
        var again = (await _etsy.ConnectAsync("first-seller")).GetProperty("access_token").GetString()!;

        Assert.NotEqual(first.Split('.')[0], second.Split('.')[0]);
        Assert.Equal(first.Split('.')[0], again.Split('.')[0]);
    }

    [Fact]
    public async Task A_code_works_only_once()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var form = await _etsy.ExchangeFormAsync(await _etsy.CodeAsync(verifier), verifier);
        using var first = await _etsy.TokenAsync(form);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await _etsy.TokenAsync(form);

        await AssertOAuthErrorAsync(second, "invalid_grant");
    }

    [Fact]
    public async Task A_verifier_that_does_not_hash_to_the_challenge_is_refused()
    {
        var code = await _etsy.CodeAsync(EtsySandboxDriver.NewVerifier());

        using var response = await _etsy.TokenAsync(await _etsy.ExchangeFormAsync(code, EtsySandboxDriver.NewVerifier()));

        await AssertOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task The_redirect_uri_must_repeat_the_authorize_requests()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var form = await _etsy.ExchangeFormAsync(await _etsy.CodeAsync(verifier), verifier);
        form["redirect_uri"] += "/";

        using var response = await _etsy.TokenAsync(form);

        await AssertOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task A_client_secret_in_the_body_is_refused_because_Etsy_takes_the_client_id_only()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var form = await _etsy.ExchangeFormAsync(await _etsy.CodeAsync(verifier), verifier);
        form["client_secret"] = (await _etsy.ApiKeyAsync()).Split(':')[1];

        using var response = await _etsy.TokenAsync(form);

        await AssertOAuthErrorAsync(response, "invalid_request");
    }

    [Fact]
    public async Task A_basic_authorization_header_is_refused()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/etsy/v3/public/oauth/token")
        {
            Content = new FormUrlEncodedContent(await _etsy.ExchangeFormAsync(await _etsy.CodeAsync(verifier), verifier)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(await _etsy.ApiKeyAsync())));

        using var response = await _etsy.Http.SendAsync(request);

        await AssertOAuthErrorAsync(response, "invalid_request");
    }

    [Fact]
    public async Task An_unknown_client_id_is_refused()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var form = await _etsy.ExchangeFormAsync(await _etsy.CodeAsync(verifier), verifier);
        form["client_id"] = "someone-elses-keystring";

        using var response = await _etsy.TokenAsync(form);

        await AssertOAuthErrorAsync(response, "invalid_client");
    }

    [Fact]
    public async Task A_json_body_is_taken_for_the_exchange_and_the_refresh_as_etsy_takes_it_and_any_other_body_is_refused()
    {
        var verifier = EtsySandboxDriver.NewVerifier();
        var form = await _etsy.ExchangeFormAsync(await _etsy.CodeAsync(verifier), verifier);

        using var exchanged = await _etsy.Http.PostAsJsonAsync("/sandbox/etsy/v3/public/oauth/token", form);
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        var refreshToken = (await EtsySandboxDriver.JsonAsync(exchanged)).GetProperty("refresh_token").GetString()!;
        using var refreshed = await _etsy.Http.PostAsJsonAsync("/sandbox/etsy/v3/public/oauth/token", await _etsy.RefreshFormAsync(refreshToken));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        using var plain = await _etsy.Http.PostAsync("/sandbox/etsy/v3/public/oauth/token",
            new StringContent("grant_type=refresh_token", System.Text.Encoding.UTF8, "text/plain"));
        await AssertOAuthErrorAsync(plain, "invalid_request");
    }

    [Fact]
    public async Task Every_refresh_returns_a_new_refresh_token_and_the_old_one_is_revoked()
    {
        var first = (await _etsy.ConnectAsync()).GetProperty("refresh_token").GetString()!;
        var before = _etsy.Journal.Count("etsy", "refresh");

        using var refreshed = await _etsy.TokenAsync(await _etsy.RefreshFormAsync(first));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var second = (await EtsySandboxDriver.JsonAsync(refreshed)).GetProperty("refresh_token").GetString()!;
        using var replayed = await _etsy.TokenAsync(await _etsy.RefreshFormAsync(first));
        using var next = await _etsy.TokenAsync(await _etsy.RefreshFormAsync(second));

        Assert.NotEqual(first, second);
        Assert.Equal(first.Split('.')[0], second.Split('.')[0]);
        var error = await AssertOAuthErrorAsync(replayed, "invalid_grant");
        Assert.Equal("refresh_token is revoked", error.GetProperty("error_description").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(before + 3, _etsy.Journal.Count("etsy", "refresh"));
    }

    [Fact]
    public async Task An_unknown_grant_type_is_unsupported()
    {
        using var response = await _etsy.TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = await _etsy.KeystringAsync() });

        await AssertOAuthErrorAsync(response, "unsupported_grant_type");
    }

    internal static async Task<System.Text.Json.JsonElement> AssertOAuthErrorAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EtsySandboxDriver.JsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
        return body;
    }
}
