using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Marketplaces.Ebay.Webhooks;

/// <summary>The decoded <c>X-EBAY-SIGNATURE</c> header: which key signed, and the DER signature.</summary>
public sealed record EbaySignatureHeader(string KeyId, byte[] Signature);

/// <summary>
/// eBay's push signature (ebay.md "Signature verification"): the header is base64 of
/// <c>{"alg":"ecdsa","kid","signature","digest":"SHA1"}</c>; the signature is ECDSA P-256 with SHA-1 over the raw body,
/// DER-encoded, checked with the public key <c>getPublicKey</c> gives for <c>kid</c> (PEM on one line).
/// </summary>
public static class EbaySignature
{
    public static EbaySignatureHeader? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(header.Trim()));
            var root = json.RootElement;
            if (Text(root, "alg")?.Equals("ecdsa", StringComparison.OrdinalIgnoreCase) != true) return null;
            if (Text(root, "digest")?.Equals("SHA1", StringComparison.OrdinalIgnoreCase) != true) return null;
            return Text(root, "kid") is { Length: > 0 } kid && Text(root, "signature") is { Length: > 0 } signature
                ? new EbaySignatureHeader(kid, Convert.FromBase64String(signature))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public static bool Verifies(string publicKey, ReadOnlySpan<byte> body, byte[] signature)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(KeyBytes(publicKey), out _);
            return key.VerifyData(body, signature, HashAlgorithmName.SHA1, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The key's DER bytes, from PEM with or without its line breaks, or bare base64.</summary>
    private static byte[] KeyBytes(string key)
    {
        var body = key.Replace("-----BEGIN PUBLIC KEY-----", "", StringComparison.Ordinal).Replace("-----END PUBLIC KEY-----", "", StringComparison.Ordinal);
        return Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))));
    }

    /// <summary>The endpoint challenge's answer: lower-case hex SHA-256 of code + verification token + endpoint, concatenated.</summary>
    public static string ChallengeResponse(string challengeCode, string verificationToken, string endpoint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(challengeCode + verificationToken + endpoint)));

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
