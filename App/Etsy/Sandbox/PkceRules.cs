using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>RFC 7636 with S256, the only method Etsy supports.</summary>
internal static partial class PkceRules
{
    public static bool IsChallenge(string value) => ChallengePattern().IsMatch(value);

    public static bool IsVerifier(string value) => VerifierPattern().IsMatch(value);

    public static bool Matches(string verifier, string challenge) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Connections.Pkce.Challenge(verifier)), Encoding.ASCII.GetBytes(challenge));

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex ChallengePattern();

    [GeneratedRegex("^[A-Za-z0-9._~-]{43,128}$")]
    private static partial Regex VerifierPattern();
}
