using AngleSharp.Html.Parser;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.WooCommerce;
using Marketplaces.WooCommerce.Sandbox;
using Marketplaces.WooCommerce.Sandbox.Orders;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.WooCommerce.Orders;

/// <summary>
/// Sites of the sandbox network, one per test: each is a store of its own (own URL, keys, orders), so tests that
/// connect one do not share a connection or a cursor.
/// </summary>
public static class WooCommerceStores
{
    public sealed record Store(Guid Connection, string Url, WooCommerceSandbox.Keys Keys, WooCommerceSandboxSite Site);

    public static WooCommerceEmulator Emulator(AppFactory app) => app.Services.GetServices<ISandboxEmulator>().OfType<WooCommerceEmulator>().Single();

    public static string Url(AppFactory app, string site) => $"{SandboxAccounts.For("woocommerce", app)}/{site}";

    /// <summary>Keys from the site's front page, as a seller would copy them.</summary>
    public static async Task<WooCommerceSandbox.Keys> KeysAsync(AppFactory app, string site)
    {
        using var http = new HttpClient { BaseAddress = app.ServerAddress };
        var page = new HtmlParser().ParseDocument(await http.GetStringAsync($"/sandbox/woocommerce/{site}/"));
        return new WooCommerceSandbox.Keys(page.GetElementById("consumer-key")!.TextContent, page.GetElementById("consumer-secret")!.TextContent);
    }

    public static async Task<Store> ConnectAsync(AppFactory app, string site, bool shipmentTracking = false)
    {
        Emulator(app).Site(site).ShipmentTracking = shipmentTracking;
        var keys = await KeysAsync(app, site);
        var outcome = await app.Services.GetRequiredService<KeyConnections>().ConnectAsync("woocommerce", MarketplaceEnvironment.BuiltInSandbox, Url(app, site),
            new Dictionary<string, string> { [WooCommerceKeyConnector.ConsumerKey] = keys.ConsumerKey, [WooCommerceKeyConnector.ConsumerSecret] = keys.ConsumerSecret },
            TestUsers.OwnerEmail);
        Assert.True(outcome.Succeeded, outcome.Message);
        return new Store(outcome.ConnectionId!.Value, Url(app, site), keys, Emulator(app).Site(site));
    }

    /// <summary>A request signed as the app signs it (OAuth 1.0a in the query over http).</summary>
    public static HttpRequestMessage Signed(HttpMethod method, string url, WooCommerceSandbox.Keys keys, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : SandboxHttp.Json(body) };
        new WooCommerceRequestAuthenticator(TimeProvider.System).Authenticate(request, keys.ConsumerKey, keys.ConsumerSecret);
        return request;
    }
}
