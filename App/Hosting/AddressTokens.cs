using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Hosting;

/// <summary>
/// An id carried in a public address (a photo or a video a marketplace downloads), encrypted with the app's
/// DataProtection keys and base64url-encoded, so that an address cannot be guessed or made up for another file.
/// </summary>
public static class AddressTokens
{
    /// <param name="protect">The protector's encryption of the id's bytes (with an end of life for a time-limited one).</param>
    public static string Of(Guid id, Func<byte[], byte[]> protect) => WebEncoders.Base64UrlEncode(protect(id.ToByteArray()));

    /// <summary>The id <paramref name="token"/> carries; null when it does not decrypt (altered, made up, or expired).</summary>
    public static Guid? IdOf(IDataProtector protector, string token)
    {
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }
}
