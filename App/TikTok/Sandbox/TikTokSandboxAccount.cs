using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// A TikTok user in the emulator, derived from the name typed on the consent page: one name is always the same
/// user, two names are two users. <c>open_id</c> is per app (TikTok's ids differ between apps), <c>union_id</c> is not.
/// </summary>
internal sealed record TikTokSandboxAccount(string Name, string OpenId, string UnionId, string DisplayName)
{
    public const string DefaultName = "tiktok-creator";

    public static TikTokSandboxAccount From(string name, string clientKey) => new(
        name,
        Id($"open:{clientKey}:{name}"),
        Id($"union:{name}"),
        string.Join(' ', name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..])));

    /// <summary>UUID-shaped, as the open ids in TikTok's examples.</summary>
    private static string Id(string seed) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16)).ToString("D");
}
