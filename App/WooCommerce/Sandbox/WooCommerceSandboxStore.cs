using System.Text.RegularExpressions;
using Marketplaces.Connections;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// The fake WordPress + WooCommerce store the emulator plays: a multisite network with the main site at the mount and
/// sub-directory sites below it (<c>/sandbox/woocommerce/{site}</c>), each a store of its own with its own keys and
/// orders, so that tests and demos can connect several stores.
/// </summary>
public sealed partial class WooCommerceSandboxStore(PublicUrls urls)
{
    public const string Id = "woocommerce";
    public const string Title = "Marketplaces Sandbox Store";
    public const string Mount = "/sandbox/woocommerce";
    public const string SiteRoute = "site";

    /// <summary>The store's time zone (a manual UTC offset, as WordPress allows): local dates differ from the _gmt ones.</summary>
    public static readonly TimeSpan GmtOffset = TimeSpan.FromHours(2);

    /// <summary>The site's configured home URL: OAuth signatures are computed against it, not the Host header.</summary>
    public string HomeUrl(string site) => urls.BaseUrl + Mount + (site.Length == 0 ? "" : "/" + site);

    /// <summary>The site whose home URL <paramref name="url"/> is ("" for the main site), or null for none of the network's.</summary>
    public string? SiteAt(string? url)
    {
        var main = HomeUrl("");
        if (url?.TrimEnd('/') is not { } home || !home.StartsWith(main, StringComparison.OrdinalIgnoreCase)) return null;
        var site = home[main.Length..].TrimStart('/');
        return site.Length == 0 || (IsSiteName(site) && home[main.Length] == '/') ? site : null;
    }

    /// <summary>The site a request is for: "" for the main site.</summary>
    public static string SiteOf(HttpRequest request) => request.RouteValues[SiteRoute] as string ?? "";

    public static string TitleOf(string site) => site.Length == 0 ? Title : $"{Title} ({site})";

    /// <summary>Sub-site names WordPress would accept as paths and that do not shadow its own wp-/wc- routes.</summary>
    public static bool IsSiteName(string site) => SiteName().IsMatch(site);

    [GeneratedRegex("^(?!w[pc]-)[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SiteName();
}
