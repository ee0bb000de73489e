using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Ebay;

/// <summary>The eBay identity resolver against the emulator, through the built-in sandbox's catalog "identity" URL.</summary>
public sealed class EbayIdentityResolverTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IDisposable
{
    private readonly EbaySandboxClient _ebay = new(app);

    private IIdentityResolver Resolver => app.Services.GetServices<IIdentityResolver>().Single(r => r.MarketplaceId == "ebay");

    private Task<MarketplaceTarget> TargetAsync() =>
        app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("ebay", MarketplaceEnvironment.BuiltInSandbox, null);

    private static TokenSet Tokens(string accessToken) => new(accessToken, null, null, null, [], new Dictionary<string, string>());

    [Fact]
    public async Task The_account_is_the_immutable_user_id_and_is_shown_by_username()
    {
        var tokens = await _ebay.ConnectAsync("vintage-finds");
        var user = await SandboxHttp.JsonAsync(await _ebay.GetUserAsync(tokens.Text("access_token")), HttpStatusCode.OK);

        var identity = await Resolver.ResolveIdentityAsync(await TargetAsync(), Tokens(tokens.Text("access_token")), new Dictionary<string, string>(), default);

        Assert.Equal(user.Text("userId"), identity.AccountId);
        Assert.Equal("vintage-finds", identity.DisplayName);
    }

    [Fact]
    public async Task A_token_the_identity_api_refuses_fails_the_resolution()
    {
        var target = await TargetAsync();
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() =>
            Resolver.ResolveIdentityAsync(target, Tokens("v^1.1#never-issued"), new Dictionary<string, string>(), default));
        Assert.Equal(401, failure.StatusCode);
    }

    public void Dispose() => _ebay.Dispose();
}
