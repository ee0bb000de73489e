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

    /// <summary>
    /// Connects a built-in sandbox account of any marketplace as a seller would: OAuth ones through consent as
    /// <paramref name="sandboxAccount"/>, key-based ones (their main sandbox store) with the keys the store shows.
    /// </summary>
    public static async Task<Guid> ConnectAsync(AppFactory app, string marketplace, string sandboxAccount)
    {
        if (Keyed.Contains(marketplace))
        {
            var outcome = await ConnectKeyedAsync(app, marketplace);
            return outcome.ConnectionId ?? throw new InvalidOperationException(outcome.Message);
        }
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        // A Shopify account is its shop: each sandbox account gets a shop of its own.
        var account = marketplace == "shopify" ? ShopOf(sandboxAccount) : For(marketplace, app);
        var connected = await browser.ConnectAsync(marketplace, account, sandboxAccount);
        if (connected.TryGetValue("connected", out var id)) return Guid.Parse(id);
        var failure = connected.TryGetValue("event", out var eventId)
            ? (await app.Services.GetRequiredService<ConnectionAudit>().FindAsync(long.Parse(eventId)))?.Message
            : string.Join("&", connected);
        throw new InvalidOperationException($"Connecting {marketplace} as {sandboxAccount} failed: {failure}");
    }

    public static string ShopOf(string sandboxAccount) => $"{sandboxAccount}.myshopify.com";
}
