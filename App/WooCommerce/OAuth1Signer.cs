using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.WooCommerce;

public enum OAuth1SignatureMethod
{
    HmacSha1,
    HmacSha256,
}

/// <summary>
/// One-legged OAuth 1.0a as WooCommerce checks it (woocommerce.md §2.1): consumer key and secret only, no token,
/// parameters sorted by raw key and RFC 3986-encoded, HMAC key <c>secret&amp;</c>.
/// </summary>
public static class OAuth1Signer
{
    public static string Name(OAuth1SignatureMethod method) => method == OAuth1SignatureMethod.HmacSha1 ? "HMAC-SHA1" : "HMAC-SHA256";

    public static OAuth1SignatureMethod? Parse(string? name) => name switch
    {
        "HMAC-SHA1" => OAuth1SignatureMethod.HmacSha1,
        "HMAC-SHA256" => OAuth1SignatureMethod.HmacSha256,
        _ => null,
    };

    /// <param name="baseUrl">Scheme, host, port and path of the request as the store sees it; no query.</param>
    /// <param name="parameters">Decoded query and form parameters plus the oauth_* ones; oauth_signature is left out.</param>
    public static string BaseString(string httpMethod, string baseUrl, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var pairs = parameters
            .Where(p => p.Key != "oauth_signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value));
        return httpMethod.ToUpperInvariant() + "&" + Encode(baseUrl) + "&" + Encode(string.Join("&", pairs));
    }

    public static string Sign(string baseString, string consumerSecret, OAuth1SignatureMethod method)
    {
        var key = Encoding.UTF8.GetBytes(consumerSecret + "&");
        var data = Encoding.UTF8.GetBytes(baseString);
        return Convert.ToBase64String(method == OAuth1SignatureMethod.HmacSha1 ? HMACSHA1.HashData(key, data) : HMACSHA256.HashData(key, data));
    }

    /// <summary>RFC 3986 percent-encoding (PHP rawurlencode): everything but A-Z a-z 0-9 - . _ ~.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);
}
