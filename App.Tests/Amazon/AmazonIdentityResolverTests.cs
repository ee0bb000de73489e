using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon;

/// <summary>The Amazon identity resolver against the emulator, through the built-in sandbox's catalog endpoints.</summary>
public sealed class AmazonIdentityResolverTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IDisposable
{
    private readonly AmazonSandboxClient _amazon = new(app);

    private IIdentityResolver Resolver => app.Services.GetServices<IIdentityResolver>().Single(r => r.MarketplaceId == "amazon");

    private Task<MarketplaceTarget> TargetAsync(string region) =>
        app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("amazon", MarketplaceEnvironment.BuiltInSandbox, region);

    private static TokenSet Tokens(string accessToken) => new(accessToken, null, null, null, [], new Dictionary<string, string>());

    [Fact]
    public async Task The_seller_is_the_selling_partner_id_and_is_shown_by_store_name_and_region()
    {
        var callback = await _amazon.ApproveAsync("harbour-goods");
        var tokens = await SandboxHttp.JsonAsync(await _amazon.ExchangeAsync(callback["spapi_oauth_code"]), HttpStatusCode.OK);

        var identity = await Resolver.ResolveIdentityAsync(await TargetAsync("eu"), Tokens(tokens.Text("access_token")), callback, default);

        Assert.Equal(callback["selling_partner_id"], identity.AccountId);
        Assert.Equal("harbour-goods (Europe)", identity.DisplayName);
    }

    [Fact]
    public async Task A_callback_without_selling_partner_id_is_rejected()
    {
        var tokens = await _amazon.ConnectAsync();
        var target = await TargetAsync("na");
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => Resolver.ResolveIdentityAsync(
            target, Tokens(tokens.Text("access_token")), new Dictionary<string, string> { ["state"] = "s" }, default));
        Assert.Equal(MarketplaceErrorKind.Rejected, failure.Kind);
    }

    [Fact]
    public async Task An_access_token_the_sellers_api_refuses_fails_the_resolution()
    {
        var callback = await _amazon.ApproveAsync();
        var target = await TargetAsync("na");
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => Resolver.ResolveIdentityAsync(
            target, Tokens("Atza|never-issued"), callback, default));
        Assert.Equal(403, failure.StatusCode);
    }

    public void Dispose() => _amazon.Dispose();
}
