using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Shopify;

/// <summary>The account is the shop domain the seller connected; its name comes from the Admin API.</summary>
public sealed class ShopifyIdentityResolver(IHttpClientFactory http) : IIdentityResolver
{
    private const string ShopQuery = "{ shop { name myshopifyDomain } }";

    public string MarketplaceId => "shopify";

    public async Task<AccountIdentity> ResolveIdentityAsync(
        MarketplaceTarget target, TokenSet tokens, IReadOnlyDictionary<string, string> callback, CancellationToken ct)
    {
        var shopDomain = target.AccountParameter
            ?? throw new InvalidOperationException("A Shopify connection needs the shop domain");
        var data = await ShopifyAdminGraphQl.QueryAsync(http.Create(), target, tokens.AccessToken, ShopQuery, ct);
        var shop = data.GetProperty("shop");
        if (JsonText.Of(shop, "myshopifyDomain") != shopDomain)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"The token Shopify issued is not for {shopDomain}");
        var name = JsonText.Of(shop, "name");
        return new AccountIdentity(shopDomain, string.IsNullOrWhiteSpace(name) ? shopDomain : name);
    }
}
