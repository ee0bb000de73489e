using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Connections;

/// <summary>RFC 7636 S256: challenge = BASE64URL(SHA-256(verifier)) without padding.</summary>
public static class Pkce
{
    public static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
