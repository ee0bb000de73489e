namespace Marketplaces.Amazon.Orders;

/// <summary>
/// The seller's free-text carrier as confirmShipment's <c>carrierCode</c>. The model gives no list: Amazon publishes
/// "acceptable CarrierCode values" and takes <c>Other</c> with a <c>carrierName</c> for any carrier not on it
/// (changelog "CarrierCode value required in shipment confirmations"). The codes below are the common ones of that
/// list as remembered, not read from the sheet; anything else goes as Other, which Amazon always accepts.
/// </summary>
public static class AmazonCarriers
{
    public const string Other = "Other";

    private static readonly string[] Codes =
    [
        "USPS", "UPS", "UPS Mail Innovations", "FedEx", "FedEx SmartPost", "DHL", "DHL eCommerce", "OnTrac", "Amazon Shipping", "Canada Post",
        "Purolator", "Royal Mail", "Parcelforce", "Evri", "DPD", "GLS", "Deutsche Post", "Hermes", "La Poste", "Colissimo", "Chronopost",
        "PostNL", "Poste Italiane", "SEUR", "Correos", "Australia Post", "Japan Post", "Yamato Transport", "Sagawa Express",
    ];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["unitedstatespostalservice"] = "USPS", ["federalexpress"] = "FedEx", ["unitedparcelservice"] = "UPS", ["dhlexpress"] = "DHL",
    };

    /// <summary>The code for <paramref name="carrier"/>, and the name to send beside it when the code is Other.</summary>
    public static (string Code, string? Name) For(string carrier)
    {
        var key = Key(carrier);
        var code = Codes.FirstOrDefault(c => Key(c) == key) ?? Aliases.GetValueOrDefault(key);
        return code is null ? (Other, carrier.Trim()) : (code, null);
    }

    private static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
