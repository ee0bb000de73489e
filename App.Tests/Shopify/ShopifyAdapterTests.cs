using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Shopify;

/// <summary>The callback verifier and the identity resolver against the emulator, through the catalog's built-in sandbox.</summary>
public class ShopifyAdapterTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    private readonly ShopifySandboxDriver _driver = new(app);

    private Task<MarketplaceTarget> TargetAsync(string shop = ShopifySandboxDriver.Shop) =>
        app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("shopify", MarketplaceEnvironment.BuiltInSandbox, shop);

    private ICallbackVerifier Verifier => app.Services.GetServices<ICallbackVerifier>().Single(v => v.MarketplaceId == "shopify");

    [Fact]
    public async Task The_emulators_callback_passes_the_verifier_for_the_shop_being_connected()
    {
        var callback = await _driver.ApproveAsync();
        Assert.Null(Verifier.Verify(await TargetAsync(), callback));
    }

    [Fact]
    public async Task The_emulators_callback_fails_the_verifier_for_another_shop()
    {
        var callback = await _driver.ApproveAsync();
        Assert.NotNull(Verifier.Verify(await TargetAsync("other-store.myshopify.com"), callback));
    }

    [Fact]
    public async Task A_callback_whose_code_was_swapped_fails_the_verifier()
    {
        var callback = await _driver.ApproveAsync();
        callback["code"] = (await _driver.ApproveAsync())["code"];
        Assert.NotNull(Verifier.Verify(await TargetAsync(), callback));
    }

    [Fact]
    public async Task The_identity_is_the_shop_domain_named_by_the_admin_api()
    {
        var target = await TargetAsync();
        Assert.EndsWith("/sandbox/shopify/corner-store.myshopify.com/admin/api/2026-10/graphql.json", target.Endpoints.Url("graphql"));
        var tokens = await _driver.ExchangeAsync((await _driver.ApproveAsync(account: "corner-store"))["code"]);
        var resolver = app.Services.GetServices<IIdentityResolver>().Single(r => r.MarketplaceId == "shopify");
        var identity = await resolver.ResolveIdentityAsync(target,
            new TokenSet(tokens.GetProperty("access_token").GetString()!, null, null, null, [], new Dictionary<string, string>()),
            new Dictionary<string, string>(), CancellationToken.None);
        Assert.Equal(new AccountIdentity(ShopifySandboxDriver.Shop, "Corner Store"), identity);
    }

    [Fact]
    public async Task An_unknown_token_fails_identity_resolution_as_rejected()
    {
        var resolver = app.Services.GetServices<IIdentityResolver>().Single(r => r.MarketplaceId == "shopify");
        var target = await TargetAsync();
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => resolver.ResolveIdentityAsync(target,
            new TokenSet("shpat_forged", null, null, null, [], new Dictionary<string, string>()), new Dictionary<string, string>(), CancellationToken.None));
        Assert.Equal(401, failure.StatusCode);
        Assert.DoesNotContain("shpat_forged", failure.Message);
    }

    [Fact]
    public void The_catalog_asks_for_expiring_offline_tokens_with_a_json_request_and_no_redirect_uri_on_exchange()
    {
        var oauth = app.Services.GetRequiredService<MarketplaceCatalog>()["shopify"].OAuth!;
        Assert.Equal(TokenRequestStyle.Json, oauth.TokenRequestStyle);
        Assert.Equal("1", oauth.ExtraExchangeParameters["expiring"]);
        Assert.False(oauth.SendRedirectUriOnExchange);
    }
}
