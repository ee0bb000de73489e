using Marketplaces.WooCommerce.Sandbox.Orders;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>The store's REST API under /wp-json: the public site index and the wc/v3 routes the connector calls.</summary>
public sealed class WooCommerceRestEndpoints(WooCommerceRestAuthentication authentication, WooCommerceSandboxStore store, WooCommerceSandboxSites sites)
{
    public const string WooCommerceVersion = "9.9.5";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/wp-json", SiteIndex);
        routes.MapGet("/wp-json/wc/v3/system_status", SystemStatusAsync);
    }

    /// <summary>WordPress's public REST index: no key needed (and a WooCommerce key would not be accepted outside wc/).</summary>
    private IResult SiteIndex(HttpRequest request)
    {
        var site = WooCommerceSandboxStore.SiteOf(request);
        var home = store.HomeUrl(site);
        string[] namespaces = ["wp/v2", "wc/v3", "wc-auth/v1"];
        return Results.Json(new
        {
            name = WooCommerceSandboxStore.TitleOf(site),
            description = "Built-in sandbox of Marketplaces",
            url = home,
            home,
            gmt_offset = WooCommerceSandboxStore.GmtOffset.TotalHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
            timezone_string = "",
            namespaces = sites.For(site).ShipmentTracking ? [.. namespaces, "wc-shipment-tracking/v3"] : namespaces,
            authentication = new { },
        });
    }

    private async Task<IResult> SystemStatusAsync(HttpRequest request, CancellationToken ct)
    {
        var (key, error) = await authentication.AuthenticateAsync(request, ct);
        if (error is not null) return error;
        if (key is null) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var home = store.HomeUrl(WooCommerceSandboxStore.SiteOf(request));
        return Results.Json(new
        {
            environment = new
            {
                home_url = home, site_url = home, version = WooCommerceVersion, wp_version = "6.8.3",
                wp_multisite = true, language = "en_US", server_info = "Marketplaces sandbox",
            },
            settings = new { api_enabled = true, currency = "USD", currency_symbol = "$", currency_position = "left", number_of_decimals = 2 },
            security = new { secure_connection = request.IsHttps, hide_errors = true },
            active_plugins = new[] { new { plugin = "woocommerce/woocommerce.php", name = "WooCommerce", version = WooCommerceVersion } },
        });
    }
}
