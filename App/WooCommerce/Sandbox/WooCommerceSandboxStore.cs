using Marketplaces.Connections;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>The fake WordPress + WooCommerce store the emulator plays: where it lives and what it is called.</summary>
public sealed class WooCommerceSandboxStore(PublicUrls urls)
{
    public const string Id = "woocommerce";
    public const string Title = "Marketplaces Sandbox Store";
    public const string Mount = "/sandbox/woocommerce";

    /// <summary>WordPress's configured home URL: OAuth signatures are computed against it, not the Host header.</summary>
    public string HomeUrl => urls.BaseUrl + Mount;
}
