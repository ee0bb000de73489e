using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.TikTok;

/// <summary>The emulated open.tiktokapis.com/v2/oauth/token/ and /revoke/: form bodies, client_key + client_secret, rotation.</summary>
public sealed class TikTokTokenEndpointTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly TikTokSandboxDriver _tiktok = new(app);

    [Fact]
    public async Task Exchanging_a_code_gives_TikToks_flat_token_response()
    {
        var before = _tiktok.Journal.Count("tiktok", "token");

        var tokens = await _tiktok.ConnectAsync();

        Assert.StartsWith("act.", tokens.GetProperty("access_token").GetString());
        Assert.StartsWith("rft.", tokens.GetProperty("refresh_token").GetString());
        Assert.Equal(86400, tokens.GetProperty("expires_in").GetInt32());
        Assert.Equal(31536000, tokens.GetProperty("refresh_expires_in").GetInt32());
        Assert.Equal("user.info.basic,video.upload,video.publish", tokens.GetProperty("scope").GetString());
        Assert.Equal("Bearer", tokens.GetProperty("token_type").GetString());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", tokens.GetProperty("open_id").GetString());
        Assert.Equal(before + 1, _tiktok.Journal.Count("tiktok", "token"));
    }

    [Fact]
    public async Task Two_sandbox_accounts_are_two_different_TikTok_users()
    {
        var first = (await _tiktok.ConnectAsync("first-creator")).GetProperty("open_id").GetString();
        var second = (await _tiktok.ConnectAsync("second-creator")).GetProperty("open_id").GetString();
        var again = (await _tiktok.ConnectAsync("first-creator")).GetProperty("open_id").GetString();

        Assert.NotEqual(first, second);
        Assert.Equal(first, again);
    }

    [Fact]
    public async Task A_code_works_only_once()
    {
        var form = await _tiktok.ExchangeFormAsync(await _tiktok.CodeAsync());
        using var first = await _tiktok.TokenAsync(form);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await _tiktok.TokenAsync(form);

        await AssertOAuthErrorAsync(second, "invalid_grant");
    }

    [Fact]
    public async Task A_code_still_url_encoded_is_not_the_code()
    {
        var code = await _tiktok.CodeAsync();
        var form = await _tiktok.ExchangeFormAsync(Uri.EscapeDataString(code));

        using var response = await _tiktok.TokenAsync(form);

        Assert.NotEqual(code, Uri.EscapeDataString(code));
        await AssertOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task The_redirect_uri_must_repeat_the_authorize_requests()
    {
        var form = await _tiktok.ExchangeFormAsync(await _tiktok.CodeAsync());
        form["redirect_uri"] = _tiktok.Callback + "/";

        using var response = await _tiktok.TokenAsync(form);

        await AssertOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused()
    {
        var form = await _tiktok.ExchangeFormAsync(await _tiktok.CodeAsync());
        form["client_secret"] = "wrong-secret";

        using var response = await _tiktok.TokenAsync(form);

        await AssertOAuthErrorAsync(response, "invalid_client");
    }

    [Fact]
    public async Task Client_credentials_in_a_basic_header_instead_of_the_body_are_refused()
    {
        var form = await _tiktok.ExchangeFormAsync(await _tiktok.CodeAsync());
        var credentials = $"{form["client_key"]}:{form["client_secret"]}";
        form.Remove("client_key");
        form.Remove("client_secret");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/tiktok/open-api/v2/oauth/token/") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        using var response = await _tiktok.Http.SendAsync(request);

        await AssertOAuthErrorAsync(response, "invalid_client");
    }

    [Fact]
    public async Task The_client_id_name_is_not_TikToks_client_key()
    {
        var form = await _tiktok.ExchangeFormAsync(await _tiktok.CodeAsync());
        form["client_id"] = form["client_key"];
        form.Remove("client_key");

        using var response = await _tiktok.TokenAsync(form);

        await AssertOAuthErrorAsync(response, "invalid_client");
    }

    [Fact]
    public async Task A_json_body_is_refused()
    {
        var form = await _tiktok.ExchangeFormAsync(await _tiktok.CodeAsync());

        using var response = await _tiktok.Http.PostAsJsonAsync("/sandbox/tiktok/open-api/v2/oauth/token/", form);

        await AssertOAuthErrorAsync(response, "invalid_request");
    }

    [Fact]
    public async Task A_refresh_rotates_the_refresh_token_and_the_old_one_is_dead()
    {
        var tokens = await _tiktok.ConnectAsync();
        var first = tokens.GetProperty("refresh_token").GetString()!;
        var before = _tiktok.Journal.Count("tiktok", "refresh");

        using var refreshed = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(first));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await TikTokSandboxDriver.JsonAsync(refreshed);
        var second = renewed.GetProperty("refresh_token").GetString()!;
        using var replayed = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(first));
        using var next = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(second));

        Assert.NotEqual(first, second);
        Assert.Equal(tokens.GetProperty("open_id").GetString(), renewed.GetProperty("open_id").GetString());
        Assert.StartsWith("act.", renewed.GetProperty("access_token").GetString());
        await AssertOAuthErrorAsync(replayed, "invalid_grant");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(before + 3, _tiktok.Journal.Count("tiktok", "refresh"));
    }

    [Fact]
    public async Task Revoke_ends_the_access_token_and_its_refresh_token()
    {
        var tokens = await _tiktok.ConnectAsync();
        var access = tokens.GetProperty("access_token").GetString()!;
        var before = _tiktok.Journal.Count("tiktok", "revoke");
        using (var working = await _tiktok.UserInfoAsync(access)) Assert.Equal(HttpStatusCode.OK, working.StatusCode);

        using var revoked = await _tiktok.RevokeAsync(access);

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("{}", await revoked.Content.ReadAsStringAsync());
        using var userInfo = await _tiktok.UserInfoAsync(access);
        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.StatusCode);
        using var refresh = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(tokens.GetProperty("refresh_token").GetString()!));
        await AssertOAuthErrorAsync(refresh, "invalid_grant");
        Assert.Equal(before + 1, _tiktok.Journal.Count("tiktok", "revoke"));
    }

    [Fact]
    public async Task Revoke_also_ends_tokens_obtained_by_refresh_from_the_same_consent()
    {
        var tokens = await _tiktok.ConnectAsync();
        using var refreshed = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(tokens.GetProperty("refresh_token").GetString()!));
        var renewed = await TikTokSandboxDriver.JsonAsync(refreshed);

        using var revoked = await _tiktok.RevokeAsync(tokens.GetProperty("access_token").GetString()!);

        using var userInfo = await _tiktok.UserInfoAsync(renewed.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, userInfo.StatusCode);
        using var refresh = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(renewed.GetProperty("refresh_token").GetString()!));
        await AssertOAuthErrorAsync(refresh, "invalid_grant");
    }

    internal static async Task<JsonElement> AssertOAuthErrorAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await TikTokSandboxDriver.JsonAsync(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
        Assert.Matches("^[0-9]{14}[0-9A-F]{20}$", body.GetProperty("log_id").GetString());
        return body;
    }
}
