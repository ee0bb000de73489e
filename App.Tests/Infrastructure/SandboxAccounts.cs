using AngleSharp.Html.Parser;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.PrestaShop;
using Marketplaces.WooCommerce;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>The account parameter each marketplace's built-in sandbox connect needs (shop, store URL, region).</summary>
public static class SandboxAccounts
{
    public static string? For(string marketplace, AppFactory app) => marketplace switch
    {
        "amazon" => "na",
        "shopify" => "sandbox-shop.myshopify.com",
        "woocommerce" or "prestashop" => new Uri(app.ServerAddress, $"/sandbox/{marketplace}").ToString().TrimEnd('/'),
        _ => null,
    };

    public static readonly string[] OAuth = ["amazon", "ebay", "etsy", "tiktok", "aliexpress", "shopify"];

    public static readonly string[] Keyed = ["woocommerce", "prestashop"];

    /// <summary>Connects a key-based sandbox store with the keys its front page shows, as a seller would copy them.</summary>
    public static async Task<ConnectOutcome> ConnectKeyedAsync(AppFactory app, string marketplace)
    {
        using var http = new HttpClient { BaseAddress = app.ServerAddress };
        var page = new HtmlParser().ParseDocument(await http.GetStringAsync($"/sandbox/{marketplace}/"));
        string Shown(string id) => page.GetElementById(id)!.TextContent;
        var keys = marketplace == "woocommerce"
            ? new Dictionary<string, string> { [WooCommerceKeyConnector.ConsumerKey] = Shown("consumer-key"), [WooCommerceKeyConnector.ConsumerSecret] = Shown("consumer-secret") }
            : new Dictionary<string, string> { [PrestaShopKeyConnector.WebserviceKey] = Shown("webservice-key") };
        return await app.Services.GetRequiredService<KeyConnections>()
            .ConnectAsync(marketplace, MarketplaceEnvironment.BuiltInSandbox, For(marketplace, app), keys, TestUsers.OwnerEmail);
    }
}
