using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// An Etsy seller in the emulator, derived from the name typed on the consent page: one name is always the same user
/// and shop, two names are two sellers.
/// </summary>
internal sealed record EtsySandboxAccount(string Name, long UserId, long ShopId, string ShopName)
{
    public const string DefaultName = "etsy-seller";

    public static EtsySandboxAccount From(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var userId = 100_000_000 + BinaryPrimitives.ReadUInt32BigEndian(hash) % 900_000_000;
        var shopId = 10_000_000 + BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(4)) % 90_000_000;
        return new EtsySandboxAccount(name, userId, shopId, ShopNameFor(name));
    }

    /// <summary>Etsy shop names are letters and digits without spaces, at most 20 characters: "etsy-seller" → "EtsySellerShop".</summary>
    private static string ShopNameFor(string name)
    {
        var pascal = string.Concat(name.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..])) + "Shop";
        return pascal.Length > 20 ? pascal[..20] : pascal;
    }
}
