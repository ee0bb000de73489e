using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.AliExpress;

/// <summary>
/// The IOP gateway's request signature (fact sheet §3): every sent parameter except <c>sign</c>, sorted by name in
/// ordinal order, concatenated as name + value; system interfaces prefix the API path, business interfaces sign
/// <c>method</c> as a parameter instead. HMAC-SHA256 keyed by the app secret, upper-case hex.
/// </summary>
public static class IopSigner
{
    public const string SignMethod = "sha256";
    public const string SignParameter = "sign";

    /// <param name="apiPath">The system interface's path (<c>/auth/token/create</c>), or null for a /sync business call.</param>
    public static string StringToSign(string? apiPath, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder(apiPath);
        foreach (var (name, value) in parameters.Where(p => p.Key != SignParameter).OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append(name).Append(value);
        return text.ToString();
    }

    public static string Sign(string appSecret, string? apiPath, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Convert.ToHexString(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(StringToSign(apiPath, parameters))));

    /// <summary>Exact comparison in constant time: a lower-case rendering of the right MAC does not pass.</summary>
    public static bool Verify(string appSecret, string? apiPath, IEnumerable<KeyValuePair<string, string>> parameters, string sign) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(Sign(appSecret, apiPath, parameters)), Encoding.UTF8.GetBytes(sign));
}
