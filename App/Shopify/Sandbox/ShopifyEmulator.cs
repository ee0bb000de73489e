using Marketplaces.Sandbox;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>Shopify under /sandbox/shopify/{shop}: each shop's admin host becomes a path segment.</summary>
public sealed class ShopifyEmulator : ISandboxEmulator
{
    public string MarketplaceId => ShopifySandbox.Id;

    public void Map(IEndpointRouteBuilder routes)
    {
        var authorize = ActivatorUtilities.CreateInstance<ShopifyAuthorizeEndpoint>(routes.ServiceProvider);
        var tokens = ActivatorUtilities.CreateInstance<ShopifyTokenEndpoint>(routes.ServiceProvider);
        var graphQl = ActivatorUtilities.CreateInstance<ShopifyGraphQlEndpoint>(routes.ServiceProvider);
        routes.MapGet("/{shop}/admin/oauth/authorize", authorize.ShowAsync);
        routes.MapPost("/{shop}/admin/oauth/authorize", authorize.DecideAsync);
        routes.MapPost("/{shop}/admin/oauth/access_token", tokens.HandleAsync);
        routes.MapPost($"/{{shop}}/admin/api/{ShopifySandbox.ApiVersion}/graphql.json", graphQl.HandleAsync);
    }
}
