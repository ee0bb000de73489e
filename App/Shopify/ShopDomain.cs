using System.Text.RegularExpressions;

namespace Marketplaces.Shopify;

/// <summary>
/// A shop's permanent <c>{name}.myshopify.com</c> host (fact sheet §1), checked before it is compared or put into a
/// URL: lower-case, no scheme, path, port or user info.
/// </summary>
public static partial class ShopDomain
{
    public static bool IsValid(string? shop) => shop is { Length: > 0 and <= 255 } && Pattern().IsMatch(shop);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\.myshopify\.com$")]
    private static partial Regex Pattern();
}
