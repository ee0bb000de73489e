namespace Marketplaces.Shopify;

/// <summary>Shopify's global ids (fact sheet §4): <c>gid://shopify/{Type}/{number}</c>.</summary>
public static class ShopifyGid
{
    public static string Of(string type, string id) => $"gid://shopify/{type}/{id}";

    public static string Of(string type, long id) => Of(type, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <returns>The number of a gid of that type, or null when it is not one.</returns>
    public static string? IdOf(string? gid, string type)
    {
        var prefix = $"gid://shopify/{type}/";
        if (gid is null || !gid.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var id = gid[prefix.Length..];
        return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : null;
    }
}
