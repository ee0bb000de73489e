namespace Marketplaces.Ebay.Listings;

/// <summary>
/// The eBay marketplaces a seller can list on from here: the <c>X-EBAY-C-MARKETPLACE-ID</c> value, the language its
/// Inventory API writes take as <c>Content-Language</c> (ebay.md §1.4 gives en-US and de-DE; the others follow eBay's
/// site locales), the country a new inventory location is in, and the currency prices must be in.
/// </summary>
public sealed record EbaySite(string MarketplaceId, string Name, string Language, string Country, string Currency)
{
    public static readonly IReadOnlyList<EbaySite> All =
    [
        new("EBAY_US", "eBay US", "en-US", "US", "USD"), new("EBAY_GB", "eBay UK", "en-GB", "GB", "GBP"),
        new("EBAY_DE", "eBay Germany", "de-DE", "DE", "EUR"), new("EBAY_AU", "eBay Australia", "en-AU", "AU", "AUD"),
        new("EBAY_CA", "eBay Canada", "en-CA", "CA", "CAD"), new("EBAY_FR", "eBay France", "fr-FR", "FR", "EUR"),
        new("EBAY_IT", "eBay Italy", "it-IT", "IT", "EUR"), new("EBAY_ES", "eBay Spain", "es-ES", "ES", "EUR"),
    ];

    public static EbaySite For(string marketplaceId) => All.FirstOrDefault(s => s.MarketplaceId == marketplaceId) ?? All[0];
}
