using Marketplaces.Catalog;
using Marketplaces.Connections;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Connections;

/// <summary>The consent URL of each OAuth marketplace, built from the catalog, has the shape its fact sheet gives.</summary>
public sealed class AuthorizeUrlTests
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();

    private static (string Path, Dictionary<string, string> Query) Build(string id, string? account = null, string? verifier = null,
        Dictionary<string, string>? credentials = null)
    {
        var marketplace = Catalog[id];
        var production = marketplace.Endpoints(MarketplaceEnvironment.Production)!;
        var region = account is not null ? production.Regions?.GetValueOrDefault(account) : null;
        var endpoints = new ResolvedEndpoints((region?.AuthorizeUrl ?? production.AuthorizeUrl).Replace("{shop}", account ?? ""),
            production.TokenUrl, production.TokenUrl, production.RevokeUrl, production.ApiBaseUrl, new Dictionary<string, string>());
        var creds = new AppCredentials(credentials ?? marketplace.Credentials.ToDictionary(c => c.Key, c => $"<{c.Key}>"));
        var redirect = marketplace.OAuth!.RedirectUriCredential is { } r ? creds[r] : $"https://seller.example/connections/callback/{id}";
        var url = AuthorizeUrl.Build(new MarketplaceTarget(marketplace, MarketplaceEnvironment.Production, account, endpoints, creds, redirect), "the-state", verifier);
        var uri = new Uri(url);
        return ($"{uri.Scheme}://{uri.Host}{uri.AbsolutePath}", QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString()));
    }

    [Fact]
    public void Amazon_sends_the_application_id_to_seller_central_of_the_region_without_scope_or_response_type()
    {
        var (path, query) = Build("amazon", account: "eu");
        Assert.Equal("https://sellercentral-europe.amazon.com/apps/authorize/consent", path);
        Assert.Equal("<applicationId>", query["application_id"]);
        Assert.Equal("the-state", query["state"]);
        Assert.Equal("https://seller.example/connections/callback/amazon", query["redirect_uri"]);
        Assert.False(query.ContainsKey("client_id") || query.ContainsKey("scope") || query.ContainsKey("response_type") || query.ContainsKey("code_challenge"));
    }

    [Fact]
    public void Ebay_sends_the_runame_as_redirect_uri_and_space_separated_scope_urls_without_pkce()
    {
        var (path, query) = Build("ebay");
        Assert.Equal("https://auth.ebay.com/oauth2/authorize", path);
        Assert.Equal("<clientId>", query["client_id"]);
        Assert.Equal("<ruName>", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.StartsWith("https://api.ebay.com/oauth/api_scope https://api.ebay.com/oauth/api_scope/sell.inventory ", query["scope"]);
        Assert.False(query.ContainsKey("code_challenge"));
    }

    [Fact]
    public void Etsy_requires_pkce_s256_with_space_separated_scopes()
    {
        var (path, query) = Build("etsy", verifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        Assert.Equal("https://www.etsy.com/oauth/connect", path);
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Contains("listings_r listings_w", query["scope"]);
        Assert.Equal("<clientId>", query["client_id"]);
    }

    [Fact]
    public void TikTok_sends_client_key_and_comma_separated_scopes()
    {
        var (path, query) = Build("tiktok");
        Assert.Equal("https://www.tiktok.com/v2/auth/authorize/", path);
        Assert.Equal("<clientKey>", query["client_key"]);
        Assert.False(query.ContainsKey("client_id"));
        Assert.Equal("user.info.basic,video.upload,video.publish", query["scope"]);
        Assert.Equal("1", query["disable_auto_auth"]);
    }

    [Fact]
    public void AliExpress_sends_the_app_key_as_client_id_and_forces_a_fresh_login()
    {
        var (path, query) = Build("aliexpress");
        Assert.Equal("https://api-sg.aliexpress.com/oauth/authorize", path);
        Assert.Equal("<appKey>", query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("true", query["force_auth"]);
        Assert.False(query.ContainsKey("scope"));
    }

    [Fact]
    public void Shopify_goes_to_the_shops_own_admin_with_comma_separated_scopes_for_an_offline_token()
    {
        var (path, query) = Build("shopify", account: "demo-shop.myshopify.com");
        Assert.Equal("https://demo-shop.myshopify.com/admin/oauth/authorize", path);
        Assert.Equal("<clientId>", query["client_id"]);
        Assert.StartsWith("read_products,write_products,", query["scope"]);
        Assert.False(query.ContainsKey("grant_options[]"));
    }

    [Fact]
    public void Pkce_challenge_matches_the_rfc_7636_example()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }
}
