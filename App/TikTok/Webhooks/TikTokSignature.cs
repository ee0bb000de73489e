using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.TikTok.Webhooks;

/// <summary>
/// TikTok for Developers' webhook signature (tiktok.md §5.4): <c>TikTok-Signature: t=&lt;unix seconds&gt;,s=&lt;hex&gt;</c>,
/// <c>s = hex(HMAC-SHA256(client secret, t + "." + raw body))</c>.
/// </summary>
public static class TikTokSignature
{
    public static string Compute(string clientSecret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), signed));
    }

    /// <summary>The header's timestamp and signature; null when it does not have both.</summary>
    public static (long Timestamp, string Signature)? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        return parts.TryGetValue("t", out var t) && long.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var timestamp)
               && parts.TryGetValue("s", out var s) && s.Length > 0
            ? (timestamp, s)
            : null;
    }

    public static bool Verifies(string clientSecret, long timestamp, ReadOnlySpan<byte> body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(clientSecret, timestamp, body)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}
