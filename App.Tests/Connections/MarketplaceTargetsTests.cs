using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Connections;

public sealed class MarketplaceTargetsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private MarketplaceTargets Targets => app.Services.GetRequiredService<MarketplaceTargets>();
    private MarketplaceDefinition Shopify => app.Services.GetRequiredService<MarketplaceCatalog>()["shopify"];

    [Theory]
    [InlineData("evil.com/x.myshopify.com")]
    [InlineData("user@demo.myshopify.com")]
    [InlineData("https://demo.myshopify.com")]
    [InlineData("demo.myshopify.com.evil.com")]
    [InlineData("-demo.myshopify.com")]
    [InlineData("")]
    public void A_shop_domain_that_is_not_a_myshopify_host_never_reaches_a_url(string shop)
    {
        Assert.Throws<InvalidAccountParameterException>(() => Targets.Endpoints(Shopify, MarketplaceEnvironment.Production, shop, out _));
    }

    [Fact]
    public void A_valid_shop_is_lower_cased_and_substituted()
    {
        var endpoints = Targets.Endpoints(Shopify, MarketplaceEnvironment.Production, "Demo-Shop.myshopify.com", out var normalized);
        Assert.Equal("demo-shop.myshopify.com", normalized);
        Assert.Equal("https://demo-shop.myshopify.com/admin/oauth/access_token", endpoints.TokenUrl);
    }

    [Theory]
    [InlineData("ftp://shop.example")]
    [InlineData("https://shop.example/?x=1")]
    [InlineData("https://user:pw@shop.example")]
    [InlineData("javascript:alert(1)")]
    public void A_store_url_with_another_scheme_credentials_or_a_query_is_refused(string store)
    {
        var woo = app.Services.GetRequiredService<MarketplaceCatalog>()["woocommerce"];
        Assert.Throws<InvalidAccountParameterException>(() => Targets.Endpoints(woo, MarketplaceEnvironment.Production, store, out _));
    }

    [Fact]
    public void Amazons_region_picks_its_seller_central_and_api_host()
    {
        var amazon = app.Services.GetRequiredService<MarketplaceCatalog>()["amazon"];
        var endpoints = Targets.Endpoints(amazon, MarketplaceEnvironment.Production, "fe", out _);
        Assert.Equal("https://sellercentral.amazon.co.jp/apps/authorize/consent", endpoints.AuthorizeUrl);
        Assert.Equal("https://sellingpartnerapi-fe.amazon.com", endpoints.ApiBaseUrl);
        Assert.Throws<InvalidAccountParameterException>(() => Targets.Endpoints(amazon, MarketplaceEnvironment.Production, "xx", out _));
    }

    [Fact]
    public void Built_in_sandbox_urls_point_at_this_apps_emulators()
    {
        var ebay = app.Services.GetRequiredService<MarketplaceCatalog>()["ebay"];
        var endpoints = Targets.Endpoints(ebay, MarketplaceEnvironment.BuiltInSandbox, null, out _);
        Assert.EndsWith("/sandbox/ebay/api/identity/v1/oauth2/token", endpoints.TokenUrl);
        Assert.StartsWith("http://", endpoints.TokenUrl);
    }
}

public sealed class CatalogOverrideTests
{
    [Fact]
    public async Task Every_catalog_url_can_be_overridden_in_configuration()
    {
        await using var app = new AppFactory()
            .With("Catalog:ebay:Environments:Production:TokenUrl", "https://ebay-proxy.internal/token")
            .With("Catalog:tiktok:Environments:Production:RevokeUrl", "https://tiktok-proxy.internal/revoke/");
        await app.InitializeAsync();
        var catalog = app.Services.GetRequiredService<MarketplaceCatalog>();
        Assert.Equal("https://ebay-proxy.internal/token", catalog["ebay"].Endpoints(MarketplaceEnvironment.Production)!.TokenUrl);
        Assert.Equal("https://tiktok-proxy.internal/revoke/", catalog["tiktok"].Endpoints(MarketplaceEnvironment.Production)!.RevokeUrl);
        Assert.Equal("https://auth.ebay.com/oauth2/authorize", catalog["ebay"].Endpoints(MarketplaceEnvironment.Production)!.AuthorizeUrl);
    }
}
