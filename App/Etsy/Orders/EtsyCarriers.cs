namespace Marketplaces.Etsy.Orders;

/// <summary>
/// The seller's free-text carrier as Etsy's <c>carrier_name</c>. Etsy knows carriers by lower-case slugs (the ones
/// AfterShip uses: usps, royal-mail…) and silently drops the tracking code of a name it does not support
/// (etsy/open-api#135); createReceiptShipment's description says to send <c>other</c> then, which keeps the code.
/// The slugs are the common ones from a third-party client's list (anitabyte/etsyv3), not from Etsy's docs.
/// </summary>
public static class EtsyCarriers
{
    public const string Other = "other";

    private static readonly Dictionary<string, string> Slugs = new(StringComparer.Ordinal)
    {
        ["usps"] = "usps", ["unitedstatespostalservice"] = "usps",
        ["ups"] = "ups",
        ["fedex"] = "fedex",
        ["dhl"] = "dhl", ["dhlexpress"] = "dhl",
        ["dhlecommerce"] = "dhl-global-mail-asia",
        ["dhlparcel"] = "dhl-germany",
        ["amazon"] = "amazon", ["amazonlogistics"] = "amazon",
        ["ontrac"] = "ontrac",
        ["royalmail"] = "royal-mail",
        ["parcelforce"] = "parcel-force",
        ["evri"] = "hermes", ["hermesuk"] = "hermes",
        ["hermes"] = "hermes-de",
        ["yodel"] = "yodel",
        ["dpd"] = "dpd",
        ["dpduk"] = "dpd-uk",
        ["gls"] = "gls",
        ["deutschepost"] = "deutsch-post",
        ["postnl"] = "postnl",
        ["laposte"] = "la-poste-colissimo", ["colissimo"] = "colissimo",
        ["canadapost"] = "canada-post",
        ["australiapost"] = "australia-post",
        ["japanpost"] = "japan-post",
        ["chinapost"] = "china-post",
        ["indiapost"] = "india-post",
        ["tnt"] = "tnt",
    };

    public static string NameFor(string carrier)
    {
        var key = new string(carrier.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        return Slugs.GetValueOrDefault(key, Other);
    }
}
