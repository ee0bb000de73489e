using System.Security.Cryptography;
using System.Text;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// A seller in the emulator, named on the consent page. Its ids derive from the name alone, so the same name is
/// the same seller every time and two names are two sellers.
/// </summary>
public sealed record AmazonSandboxAccount(string Name, string SellingPartnerId)
{
    public const string DefaultName = "amazon-seller";

    public string StoreName => Name;

    /// <summary>The marketplaces every sandbox seller participates in (North America).</summary>
    public static IReadOnlyList<AmazonMarketplace> Marketplaces { get; } =
    [
        new("ATVPDKIKX0DER", "Amazon.com", "US", "USD", "en_US", "www.amazon.com"),
        new("A2EUQ1WTGCTBG2", "Amazon.ca", "CA", "CAD", "en_CA", "www.amazon.ca"),
    ];

    public static AmazonSandboxAccount FromName(string name)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"amazon-seller:{name}"));
        // Merchant ids look like A2EUQ1WTGCTBG2: "A" and 13 upper-case letters or digits.
        var id = "A" + new string(hash.Take(13).Select(b => alphabet[b % alphabet.Length]).ToArray());
        return new AmazonSandboxAccount(name, id);
    }
}

/// <summary>An Amazon marketplace as the Sellers API describes it.</summary>
public sealed record AmazonMarketplace(
    string Id, string Name, string CountryCode, string DefaultCurrencyCode, string DefaultLanguageCode, string DomainName);
