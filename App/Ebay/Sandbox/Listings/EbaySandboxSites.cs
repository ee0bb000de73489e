namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// The eBay marketplaces the emulator lists on, with their currency and the category tree id eBay gives them
/// (getDefaultCategoryTreeId: 0 for EBAY_US, 3 for EBAY_GB, 77 for EBAY_DE; the others from memory of eBay's docs),
/// and the business policies every seller here is opted in with: one of each kind per marketplace.
/// </summary>
internal static class EbaySandboxSites
{
    public sealed record Site(string MarketplaceId, string Currency, string CategoryTreeId, int Index)
    {
        public string FulfillmentPolicyId => $"6{Index:00}000001";
        public string PaymentPolicyId => $"7{Index:00}000001";
        public string ReturnPolicyId => $"8{Index:00}000001";
    }

    public static readonly IReadOnlyList<Site> All =
    [
        new("EBAY_US", "USD", "0", 1), new("EBAY_GB", "GBP", "3", 2), new("EBAY_DE", "EUR", "77", 3), new("EBAY_AU", "AUD", "15", 4),
        new("EBAY_CA", "CAD", "2", 5), new("EBAY_FR", "EUR", "71", 6), new("EBAY_IT", "EUR", "101", 7), new("EBAY_ES", "EUR", "186", 8),
    ];

    public static Site? Find(string? marketplaceId) => All.FirstOrDefault(s => s.MarketplaceId == marketplaceId);
}
