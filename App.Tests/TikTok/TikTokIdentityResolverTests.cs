using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.TikTok;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.TikTok;

/// <summary>The TikTok adapter's identity resolver against the emulator, through the catalog's built-in sandbox target.</summary>
public sealed class TikTokIdentityResolverTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly TikTokSandboxDriver _tiktok = new(app);

    private async Task<AccountIdentity> ResolveAsync(string accessToken, string? openId)
    {
        var target = await app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("tiktok", MarketplaceEnvironment.BuiltInSandbox, null);
        var details = openId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["open_id"] = openId };
        return await app.Services.GetRequiredService<TikTokIdentityResolver>().ResolveIdentityAsync(
            target, new TokenSet(accessToken, null, null, null, [], details), new Dictionary<string, string>(), default);
    }

    [Fact]
    public async Task The_account_is_the_open_id_named_by_the_display_name()
    {
        var tokens = await _tiktok.ConnectAsync("cake-maker");
        var openId = tokens.GetProperty("open_id").GetString()!;

        var identity = await ResolveAsync(tokens.GetProperty("access_token").GetString()!, openId);

        Assert.Equal(openId, identity.AccountId);
        Assert.Equal("Cake Maker", identity.DisplayName);
    }

    [Fact]
    public async Task User_info_of_another_user_than_the_tokens_open_id_is_refused()
    {
        var tokens = await _tiktok.ConnectAsync("cake-maker");
        var someoneElse = (await _tiktok.ConnectAsync("other-creator")).GetProperty("open_id").GetString();

        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => ResolveAsync(tokens.GetProperty("access_token").GetString()!, someoneElse));

        Assert.Equal(MarketplaceErrorKind.Rejected, failure.Kind);
    }

    [Fact]
    public async Task An_invalid_token_means_the_seller_must_authorize_again()
    {
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => ResolveAsync("act.unknown", null));

        Assert.Equal(MarketplaceErrorKind.ReauthorizationRequired, failure.Kind);
        Assert.Equal("access_token_invalid", failure.ErrorCode);
        Assert.Equal(401, failure.StatusCode);
    }
}
