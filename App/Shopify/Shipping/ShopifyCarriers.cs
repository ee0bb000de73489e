namespace Marketplaces.Shopify.Shipping;

/// <summary>
/// The seller's free-text carrier as <c>trackingInfo.company</c>. Shopify builds the tracking link itself for the
/// carriers it knows by their exact name; for any other name it keeps the text and shows no link. So a common
/// spelling of a known carrier becomes Shopify's name, and anything else goes as typed. (The sheet gives no list:
/// these are names from Shopify's list of supported tracking companies.)
/// </summary>
public static class ShopifyCarriers
{
    private static readonly string[] Known =
    [
        "UPS", "USPS", "FedEx", "DHL Express", "DHL eCommerce", "Canada Post", "Purolator", "Royal Mail", "Evri", "Australia Post",
        "New Zealand Post", "Deutsche Post", "DPD", "GLS", "La Poste", "Colissimo", "Chronopost", "PostNL", "Poste Italiane", "Correos",
        "Swiss Post", "TNT", "OnTrac", "Amazon Logistics US",
    ];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["dhl"] = "DHL Express",
        ["hermes"] = "Evri",
        ["unitedparcelservice"] = "UPS",
        ["unitedstatespostalservice"] = "USPS",
        ["federalexpress"] = "FedEx",
    };

    public static string Company(string carrier)
    {
        var key = Key(carrier);
        return Known.FirstOrDefault(k => Key(k) == key) ?? Aliases.GetValueOrDefault(key) ?? carrier.Trim();
    }

    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
