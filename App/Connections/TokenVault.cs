using Microsoft.AspNetCore.DataProtection;

namespace Marketplaces.Connections;

/// <summary>
/// Encrypts and decrypts connection secrets with DataProtection, one purpose per kind of secret, so a ciphertext
/// of one kind cannot be passed off as another.
/// </summary>
public sealed class TokenVault(IDataProtectionProvider protection)
{
    public const string AccessToken = "accessToken";
    public const string RefreshToken = "refreshToken";

    public string Protect(string kind, string plaintext) => Protector(kind).Protect(plaintext);

    public string Unprotect(string kind, string ciphertext) => Protector(kind).Unprotect(ciphertext);

    private IDataProtector Protector(string kind) => protection.CreateProtector("Marketplaces.Vault", kind, "v1");
}
