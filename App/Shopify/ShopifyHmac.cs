using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Shopify;

/// <summary>
/// The HMAC Shopify puts on OAuth and install query strings (fact sheet §2.2): the decoded parameters except
/// <c>hmac</c> and <c>signature</c>, sorted by name (ordinal), re-encoded as <c>name=value</c> joined by <c>&amp;</c>,
/// HMAC-SHA256 keyed by the app's client secret, lower-case hex.
/// </summary>
public static class ShopifyHmac
{
    public const string Parameter = "hmac";

    private static readonly string[] Unsigned = [Parameter, "signature"];

    public static string Message(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join('&', query
            .Where(p => !Unsigned.Contains(p.Key))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    public static string Compute(string clientSecret, IEnumerable<KeyValuePair<string, string>> query) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.UTF8.GetBytes(Message(query))));

    /// <summary>Compares in constant time, so the time taken does not tell how much of a forged hmac was right.</summary>
    public static bool Verify(string clientSecret, IEnumerable<KeyValuePair<string, string>> query, string hmac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Compute(clientSecret, query)), Encoding.UTF8.GetBytes(hmac));
}
