using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Webhooks;

/// <summary>
/// <c>base64(HMAC-SHA256(secret, raw body))</c> in a header, as Shopify (shopify.md §3) and WooCommerce
/// (woocommerce.md §7) sign deliveries; compared in constant time over the bytes as received.
/// </summary>
public static class Base64HmacSignature
{
    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verifies(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (string.IsNullOrEmpty(header)) return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(header.Trim(), given, out var written)
               && CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }
}
