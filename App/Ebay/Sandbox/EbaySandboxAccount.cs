using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// An eBay user in the emulator, named on the consent page (the name is the username). The immutable user id
/// derives from the name alone, so the same name is the same user every time and two names are two users.
/// </summary>
public sealed record EbaySandboxAccount(string Username, string UserId)
{
    public const string DefaultName = "ebay-seller";

    public static EbaySandboxAccount FromName(string name)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ebay-user:{name}"));
        // eBay user ids look like ma8vp1jySJC (ebay.md §2, account deletion example): 11 letters and digits.
        return new EbaySandboxAccount(name, new string(hash.Take(11).Select(b => alphabet[b % alphabet.Length]).ToArray()));
    }
}
