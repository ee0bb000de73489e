namespace Marketplaces.Ebay.Orders;

/// <summary>
/// The seller's free-text carrier as the <c>shippingCarrierCode</c> createShippingFulfillment takes (the Trading API's
/// ShippingCarrierCodeType, which the sheet does not list: these codes are from eBay's enumeration page and memory of
/// it). A known carrier in any spelling becomes its code; anything else goes as typed without spaces, for eBay to
/// accept or refuse (32300) in its own words.
/// </summary>
public static class EbayCarrierCodes
{
    private static readonly string[] Codes =
    [
        "USPS", "UPS", "FedEx", "DHL", "DeutschePost", "Hermes", "RoyalMail", "ParcelForce", "CanadaPost", "AustraliaPost", "Chronopost",
        "Colissimo", "Correos", "Seur", "Bartolini", "GLS", "DPD", "TNT",
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["uspostalservice"] = "USPS", ["unitedstatespostalservice"] = "USPS", ["unitedparcelservice"] = "UPS", ["federalexpress"] = "FedEx",
        ["dhlexpress"] = "DHL", ["evri"] = "Hermes",
    };

    public static string For(string carrier)
    {
        var key = Key(carrier);
        return Codes.FirstOrDefault(code => Key(code) == key) ?? Aliases.GetValueOrDefault(key)
            ?? string.Concat(carrier.Where(c => !char.IsWhiteSpace(c)));
    }

    private static string Key(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
