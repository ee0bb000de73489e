using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Etsy;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Etsy;

/// <summary>The Etsy adapter's identity resolver against the emulator, through the catalog's built-in sandbox target.</summary>
public sealed class EtsyIdentityResolverTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly EtsySandboxDriver _etsy = new(app);

    [Fact]
    public async Task The_account_is_the_sellers_shop_named_by_its_shop_name()
    {
        var target = await app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("etsy", MarketplaceEnvironment.BuiltInSandbox, null);
        var tokens = await _etsy.ConnectAsync("handmade-ana");
        var access = tokens.GetProperty("access_token").GetString()!;
        using var me = await _etsy.ApiAsync("/v3/application/users/me", await _etsy.ApiKeyAsync(), access);
        var shopId = (await EtsySandboxDriver.JsonAsync(me)).GetProperty("shop_id").GetInt64();

        var identity = await app.Services.GetRequiredService<EtsyIdentityResolver>().ResolveIdentityAsync(
            target, new TokenSet(access, null, null, null, [], new Dictionary<string, string>()), new Dictionary<string, string>(), default);

        Assert.Equal(shopId.ToString(System.Globalization.CultureInfo.InvariantCulture), identity.AccountId);
        Assert.Equal("HandmadeAnaShop", identity.DisplayName);
    }

    [Fact]
    public async Task A_token_the_emulator_does_not_know_is_a_rejected_call()
    {
        var target = await app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("etsy", MarketplaceEnvironment.BuiltInSandbox, null);

        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => app.Services.GetRequiredService<EtsyIdentityResolver>().ResolveIdentityAsync(
            target, new TokenSet("12345678.unknown", null, null, null, [], new Dictionary<string, string>()), new Dictionary<string, string>(), default));

        Assert.Equal(401, failure.StatusCode);
        Assert.Equal("invalid_token", failure.ErrorCode);
    }
}
