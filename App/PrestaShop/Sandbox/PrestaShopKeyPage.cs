using System.Net;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The sandbox shop's front page: a webservice key to type into the dashboard, as Advanced Parameters → Webservice
/// → Add new key would generate it. Every visit issues a new key; older ones stay valid.
/// </summary>
public sealed class PrestaShopKeyPage(PrestaShopWebserviceKeys keys, PrestaShopSandboxShop shop)
{
    public async Task<IResult> ShowAsync(CancellationToken ct)
    {
        var key = await keys.CreateAsync("Marketplaces (typed in)", ct);
        return Results.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PrestaShop sandbox store</title>" +
            "<style>body{font-family:sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{font-size:1.1rem}</style></head><body>" +
            $"<h1>Sandbox store — {E(PrestaShopSandboxShop.Name)}</h1>" +
            $"<p>Store URL: <code id=\"store-url\">{E(shop.ShopUrl)}</code></p>" +
            $"<p>Sandbox store — webservice key: <code id=\"webservice-key\">{E(key)}</code></p>" +
            "<p>Each visit issues a new key; earlier keys stay valid.</p></body></html>",
            "text/html; charset=utf-8");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
