using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// Shopify under /sandbox/shopify/{shop}: each shop's admin host becomes a path segment. The seller's order page is
/// the admin's <c>/admin/orders/{id}</c>; tests and benchmarks reach a shop's orders through <see cref="Book"/>.
/// </summary>
public sealed class ShopifyEmulator(SandboxOrderBooks books) : ISandboxEmulator
{
    public string MarketplaceId => ShopifySandbox.Id;

    public SandboxOrderBook Book(string shop) => ShopifySandboxOrders.Book(books, shop);

    public void Map(IEndpointRouteBuilder routes)
    {
        var authorize = ActivatorUtilities.CreateInstance<ShopifyAuthorizeEndpoint>(routes.ServiceProvider);
        var tokens = ActivatorUtilities.CreateInstance<ShopifyTokenEndpoint>(routes.ServiceProvider);
        var graphQl = ActivatorUtilities.CreateInstance<ShopifyGraphQlEndpoint>(routes.ServiceProvider);
        routes.MapGet("/{shop}/admin/oauth/authorize", authorize.ShowAsync);
        routes.MapPost("/{shop}/admin/oauth/authorize", authorize.DecideAsync);
        routes.MapPost("/{shop}/admin/oauth/access_token", tokens.HandleAsync);
        routes.MapPost($"/{{shop}}/admin/api/{ShopifySandbox.ApiVersion}/graphql.json", graphQl.HandleAsync);
        routes.MapGet("/{shop}/admin/orders/{orderId}", (string shop, string orderId) =>
            SandboxOrderPage.Render(ShopifySandbox.Name, ShopDomain.IsValid(shop) ? Book(shop).Find(orderId) : null));
    }
}
