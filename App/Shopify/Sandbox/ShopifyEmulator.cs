using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Sandbox.Webhooks;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// Shopify under /sandbox/shopify/{shop}: each shop's admin host becomes a path segment. The seller's order page is
/// the admin's <c>/admin/orders/{id}</c>; tests and benchmarks reach a shop's orders through <see cref="Book"/>.
/// </summary>
public sealed class ShopifyEmulator : ISandboxEmulator
{
    private readonly SandboxOrderBooks _books;
    private readonly ShopifySandboxProducts _products = new();
    private readonly ShopifySandboxWebhooks _webhooks;

    public ShopifyEmulator(SandboxOrderBooks books, SandboxWebhooks hooks, SandboxWebhookSender sender, SandboxApps apps, TimeProvider clock)
    {
        _books = books;
        _webhooks = new ShopifySandboxWebhooks(hooks, sender, apps, clock);
        // A sale takes its units off the variant's available quantity, as Shopify does.
        books.OnSale(ShopifySandbox.Id, (shop, order) => _products.For(shop).Sell(order.Lines));
        books.OnChange(ShopifySandbox.Id, _webhooks.Changed);
    }

    public string MarketplaceId => ShopifySandbox.Id;

    /// <summary>A shop's products and location, for tests.</summary>
    public ShopifySandboxShop Shop(string shop) => _products.For(shop);

    public SandboxOrderBook Book(string shop) => ShopifySandboxOrders.Book(_books, shop);

    /// <summary>A shop's webhook subscriptions and deliveries, for tests (forged deliveries included).</summary>
    public ShopifySandboxWebhooks Webhooks => _webhooks;

    public void Map(IEndpointRouteBuilder routes)
    {
        var authorize = ActivatorUtilities.CreateInstance<ShopifyAuthorizeEndpoint>(routes.ServiceProvider);
        var tokens = ActivatorUtilities.CreateInstance<ShopifyTokenEndpoint>(routes.ServiceProvider);
        var graphQl = ActivatorUtilities.CreateInstance<ShopifyGraphQlEndpoint>(routes.ServiceProvider, _products, _webhooks);
        routes.MapGet("/{shop}/admin/oauth/authorize", authorize.ShowAsync);
        routes.MapPost("/{shop}/admin/oauth/authorize", authorize.DecideAsync);
        routes.MapPost("/{shop}/admin/oauth/access_token", tokens.HandleAsync);
        routes.MapPost($"/{{shop}}/admin/api/{ShopifySandbox.ApiVersion}/graphql.json", graphQl.HandleAsync);
        routes.MapGet("/{shop}/admin/orders/{orderId}", (string shop, string orderId) =>
            SandboxOrderPage.Render(ShopifySandbox.Name, ShopDomain.IsValid(shop) ? Book(shop).Find(orderId) : null));
        routes.MapGet("/{shop}/admin/products/{productId:long}", (string shop, long productId) => ProductPage(shop, productId));
    }

    /// <summary>The admin's product page a listing links to: title, status, and each variant's SKU, price and stock.</summary>
    private IResult ProductPage(string shop, long productId)
    {
        if (!ShopDomain.IsValid(shop)) return Results.NotFound();
        var store = _products.For(shop);
        string? html;
        lock (store.Gate)
        {
            html = store.Products.FirstOrDefault(p => p.Id == productId) is { } p
                ? "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + System.Net.WebUtility.HtmlEncode(p.Title) + " · Shopify</title></head><body>"
                  + $"<h1 class=\"product-title\">{System.Net.WebUtility.HtmlEncode(p.Title)}</h1><p class=\"status\">{p.Status}</p><table class=\"variants\">"
                  + string.Concat(p.Variants.Select(v => $"<tr data-sku=\"{System.Net.WebUtility.HtmlEncode(v.Sku)}\"><td>{System.Net.WebUtility.HtmlEncode(string.Join(" / ", v.OptionValues.Select(o => o.Value)))}</td>"
                                                         + $"<td class=\"price\">{System.Net.WebUtility.HtmlEncode(v.Price)}</td><td class=\"stock\">{v.Quantity}</td></tr>"))
                  + "</table></body></html>"
                : null;
        }
        return html is null ? Results.NotFound() : Results.Content(html, "text/html; charset=utf-8");
    }
}
