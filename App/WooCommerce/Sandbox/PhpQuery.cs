using Microsoft.Extensions.Primitives;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// A query parameter as PHP reads it into <c>$_GET</c>: a repeated name keeps its last value (woocommerce.md §2.1).
/// Clients signing with OAuth 1.0a over plain HTTP send each parameter twice, in the URL and from the signer.
/// </summary>
internal static class PhpQuery
{
    public static string Last(this StringValues values) => values.Count == 0 ? "" : values[^1] ?? "";
}
