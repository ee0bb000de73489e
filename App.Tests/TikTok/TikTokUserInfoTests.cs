using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.TikTok;

/// <summary>The emulated GET /v2/user/info/: the v2 envelope, field selection and scope checks.</summary>
public sealed class TikTokUserInfoTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly TikTokSandboxDriver _tiktok = new(app);

    [Fact]
    public async Task User_info_answers_the_requested_fields_in_the_v2_envelope()
    {
        var tokens = await _tiktok.ConnectAsync("dance-studio");

        using var response = await _tiktok.UserInfoAsync(tokens.GetProperty("access_token").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TikTokSandboxDriver.JsonAsync(response);
        var user = body.GetProperty("data").GetProperty("user");
        Assert.Equal(["avatar_url", "display_name", "open_id", "union_id"], user.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(tokens.GetProperty("open_id").GetString(), user.GetProperty("open_id").GetString());
        Assert.Equal("Dance Studio", user.GetProperty("display_name").GetString());
        Assert.Equal("ok", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_auth_scheme_is_read_in_any_case_as_rfc_7235_says()
    {
        var tokens = await _tiktok.ConnectAsync("lowercase-client");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/tiktok/open-api/v2/user/info/?fields=open_id");
        request.Headers.TryAddWithoutValidation("authorization", $"bearer {tokens.GetProperty("access_token").GetString()}");

        using var response = await _tiktok.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_avatar_url_serves_a_picture()
    {
        var tokens = await _tiktok.ConnectAsync();
        using var response = await _tiktok.UserInfoAsync(tokens.GetProperty("access_token").GetString(), "avatar_url");
        var avatar = (await TikTokSandboxDriver.JsonAsync(response)).GetProperty("data").GetProperty("user").GetProperty("avatar_url").GetString()!;

        using var picture = await _tiktok.Http.GetAsync(avatar);

        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/svg+xml", picture.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_token_is_access_token_invalid()
    {
        using var response = await _tiktok.UserInfoAsync(accessToken: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await TikTokSandboxDriver.JsonAsync(response);
        Assert.Equal("access_token_invalid", body.GetProperty("error").GetProperty("code").GetString());
        Assert.True(body.GetProperty("error").TryGetProperty("log_id", out _));
    }

    [Fact]
    public async Task A_field_whose_scope_was_not_granted_is_scope_not_authorized()
    {
        var tokens = await _tiktok.ConnectAsync(scope: "user.info.basic");

        using var response = await _tiktok.UserInfoAsync(tokens.GetProperty("access_token").GetString(), "open_id,username");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("scope_not_authorized", (await TikTokSandboxDriver.JsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("open_id,phone_number")]
    public async Task Unknown_or_missing_fields_are_invalid_params(string fields)
    {
        var tokens = await _tiktok.ConnectAsync();

        using var response = await _tiktok.UserInfoAsync(tokens.GetProperty("access_token").GetString(), fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_params", (await TikTokSandboxDriver.JsonAsync(response)).GetProperty("error").GetProperty("code").GetString());
    }
}
