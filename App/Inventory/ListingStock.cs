using Marketplaces.Connections;

namespace Marketplaces.Inventory;

/// <summary>A listing's stock as its marketplace should show it.</summary>
/// <param name="ExternalId">The marketplace's id of the listing.</param>
/// <param name="Sku">The product's SKU (eBay's inventory item group, Amazon's parent).</param>
/// <param name="Quantities">Every SKU of the listing (the product's, or each variant's) with how many the channel should offer.</param>
/// <param name="Known">How many the marketplace showed of each, as last set or read there (Shopify compares with it before it sets).</param>
/// <param name="Settings">The listing's channel settings (Amazon's marketplace and product type).</param>
public sealed record ListingStock(
    string ExternalId, string Sku, IReadOnlyDictionary<string, int> Quantities, IReadOnlyDictionary<string, int> Known,
    IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The SKUs whose quantity the marketplace does not show yet.</summary>
    public IReadOnlyDictionary<string, int> Changed =>
        Quantities.Where(q => !Known.TryGetValue(q.Key, out var shown) || shown != q.Value).ToDictionary(q => q.Key, q => q.Value);

    public int Total => Quantities.Values.Sum();

    /// <summary>
    /// For marketplaces that set stock a listing at a time: each listing set with <paramref name="set"/>, a marketplace's
    /// refusal of one kept as its problem (by listing id) while the others go on; a transient failure is thrown, and the
    /// push is tried again whole.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> EachAsync(IReadOnlyList<ListingStock> listings, Func<ListingStock, Task> set)
    {
        var problems = new Dictionary<string, string>();
        foreach (var listing in listings)
        {
            try
            {
                await set(listing);
            }
            catch (MarketplaceException e) when (e.Kind != MarketplaceErrorKind.Transient)
            {
                problems[listing.ExternalId] = e.Message;
            }
        }
        return problems;
    }

    /// <summary>Sold under the product's own SKU, without variants.</summary>
    public bool Simple => Quantities.Count == 1 && Quantities.ContainsKey(Sku);
}
