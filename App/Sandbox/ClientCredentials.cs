using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Sandbox;

/// <summary>
/// The client id and secret a token request authenticates with, as an emulator reads them.
/// </summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret)
{
    /// <summary>RFC 6749 §2.3.1: <c>Authorization: Basic base64(urlencode(id):urlencode(secret))</c>; null when absent or malformed.</summary>
    public static ClientCredentials? FromBasicHeader(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':');
        return colon < 0 ? null : new ClientCredentials(Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
    }

    /// <summary>Compares in constant time, so the emulator does not teach timing attacks by example.</summary>
    public bool Match(string clientId, string clientSecret) =>
        Same(ClientId, clientId) & Same(ClientSecret, clientSecret);

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));

    public override string ToString() => $"ClientCredentials({ClientId})";
}
