using System.Net;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// The sandbox store's front page: a fresh read/write REST API key for typing into the dashboard by hand, as
/// WooCommerce → Settings → Advanced → REST API → Add key would show it. Every visit issues a new key; older ones stay valid.
/// </summary>
public sealed class WooCommerceManualKeysPage(WooCommerceApiKeys keys, WooCommerceSandboxStore store)
{
    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken ct)
    {
        var site = WooCommerceSandboxStore.SiteOf(request);
        var issued = await keys.CreateAsync(site, "shop-manager", "read_write", "Marketplaces (typed in)", ct);
        return Results.Content(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>WooCommerce sandbox store</title>" +
            "<style>body{font-family:sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{font-size:1.1rem}</style></head><body>" +
            $"<h1>Sandbox store — {E(WooCommerceSandboxStore.TitleOf(site))}</h1>" +
            $"<p>Store URL: <code id=\"store-url\">{E(store.HomeUrl(site))}</code></p>" +
            "<p>A new REST API key with read/write permission:</p>" +
            $"<p>Consumer key: <code id=\"consumer-key\">{E(issued.ConsumerKey)}</code></p>" +
            $"<p>Consumer secret: <code id=\"consumer-secret\">{E(issued.ConsumerSecret)}</code></p>" +
            "<p>Each visit issues a new key; earlier keys stay valid.</p></body></html>",
            "text/html; charset=utf-8");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
