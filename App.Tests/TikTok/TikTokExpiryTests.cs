using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.TikTok;

/// <summary>The TikTok emulator with lifetimes shortened by configuration (Sandbox:Lifetimes:tiktok).</summary>
public sealed class TikTokExpiryTests(TikTokExpiryTests.ShortLivedTikTok app) : IClassFixture<TikTokExpiryTests.ShortLivedTikTok>
{
    public sealed class ShortLivedTikTok : ServerAppFactory
    {
        public ShortLivedTikTok()
        {
            With("Sandbox:Lifetimes:tiktok:AccessTokenSeconds", "1");
            With("Sandbox:Lifetimes:tiktok:RefreshTokenSeconds", "4");
            // Long enough for consent and exchange on a loaded CI machine, short enough to wait out.
            With("Sandbox:Lifetimes:tiktok:CodeSeconds", "3");
        }
    }

    private readonly TikTokSandboxDriver _tiktok = new(app);

    [Fact]
    public async Task An_expired_code_cannot_be_exchanged()
    {
        var code = await _tiktok.CodeAsync();
        await Task.Delay(TimeSpan.FromSeconds(3.5));

        using var response = await _tiktok.TokenAsync(await _tiktok.ExchangeFormAsync(code));

        await TikTokTokenEndpointTests.AssertOAuthErrorAsync(response, "invalid_grant");
    }

    [Fact]
    public async Task An_expired_access_token_is_access_token_invalid()
    {
        var tokens = await _tiktok.ConnectAsync();
        Assert.Equal(1, tokens.GetProperty("expires_in").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var response = await _tiktok.UserInfoAsync(tokens.GetProperty("access_token").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_refresh_does_not_extend_the_refresh_tokens_life()
    {
        var tokens = await _tiktok.ConnectAsync();
        Assert.Equal(4, tokens.GetProperty("refresh_expires_in").GetInt32());
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        using var refreshed = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(tokens.GetProperty("refresh_token").GetString()!));
        var renewed = await TikTokSandboxDriver.JsonAsync(refreshed);
        await Task.Delay(TimeSpan.FromSeconds(3));
        using var late = await _tiktok.TokenAsync(await _tiktok.RefreshFormAsync(renewed.GetProperty("refresh_token").GetString()!));

        Assert.True(renewed.GetProperty("refresh_expires_in").GetInt32() < 4);
        await TikTokTokenEndpointTests.AssertOAuthErrorAsync(late, "invalid_grant");
    }
}
