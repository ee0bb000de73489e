using Marketplaces.Connections;
using Marketplaces.Inventory;

namespace Marketplaces.Products.Listings;

/// <summary>
/// Puts a catalog product on one marketplace, or brings the listing there up to date with it. Must be safe to repeat
/// after a lost answer: before creating, a publisher looks the product up (by SKU, or the marketplace's own means),
/// so that a retry updates what the first attempt created instead of creating a second listing.
/// </summary>
public interface IListingPublisher
{
    string MarketplaceId { get; }

    Task<PublishedListing> PublishAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct);

    /// <summary>Takes the listing off sale, the marketplace's own way (WooCommerce: back to draft); a listing already gone counts as ended.</summary>
    Task EndAsync(ConnectionApi api, ListingEnd listing, CancellationToken ct);

    /// <summary>
    /// The choices the seller makes for this connection's listings, with the marketplace's current values, which may
    /// depend on what is chosen already (eBay's policies are per site).
    /// </summary>
    Task<IReadOnlyList<ChannelSetting>> SettingsAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct);

    /// <summary>
    /// Every listing the account has at the marketplace, read page by page, for linking to the catalog by SKU; where
    /// the connection's settings say where (Amazon's marketplace).
    /// </summary>
    IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, IReadOnlyDictionary<string, string> settings, CancellationToken ct);

    /// <summary>
    /// Sets the stock of these listings of one connection with the marketplace's own quantity call, in as few calls as it
    /// allows. Returns why, by listing id, for each listing the marketplace refused; throws when it refused them all.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> SetStockAsync(ConnectionApi api, IReadOnlyList<ListingStock> listings, CancellationToken ct);

    /// <summary>What a listing at 0 becomes on this marketplace, in a line the channel settings show.</summary>
    string OutOfStock { get; }
}

/// <param name="ExternalId">The listing's id from an earlier publish, if any.</param>
/// <param name="ImageUrls">A public address of each image, for marketplaces that fetch images themselves.</param>
/// <param name="Settings">The connection's channel settings as chosen (a key not chosen is absent: use its default).</param>
/// <param name="MayExist">
/// No id yet, but an earlier attempt reached the marketplace and got no answer it could keep: a marketplace that cannot
/// be asked by SKU cheaply (Etsy) looks among its newest listings before creating.
/// </param>
public sealed record ListingDraft(
    Product Product, string? ExternalId, IReadOnlyDictionary<Guid, string> ImageUrls, IReadOnlyDictionary<string, string> Settings, bool MayExist = false)
{
    public string Setting(string key, string fallback) => Settings.TryGetValue(key, out var value) && value.Length > 0 ? value : fallback;
}

/// <param name="Sku">The product's, for marketplaces that key listings by SKU (eBay, Amazon).</param>
/// <param name="Settings">The channel settings it was published with (Amazon's marketplace).</param>
public sealed record ListingEnd(string ExternalId, string Sku, IReadOnlyDictionary<string, string> Settings);

public sealed record PublishedListing(string ExternalId, string? Url);

/// <summary>A listing as the marketplace has it: enough to link it to a catalog product, or to make one from it.</summary>
/// <param name="Live">On sale (not a draft, not ended).</param>
public sealed record MarketplaceListing(
    string ExternalId, string? Sku, string Title, string? Url, bool Live, decimal? Price, int? Quantity, string? Description,
    IReadOnlyList<ProductOption> Options, IReadOnlyList<MarketplaceListingVariant> Variants)
{
    /// <summary>
    /// For marketplaces with variant SKUs only (Shopify, Etsy): a listing is linked by the part its variants' SKUs share
    /// before their last hyphen (TSHIRT-S, TSHIRT-M → TSHIRT), the way this app names variants; otherwise it has none.
    /// </summary>
    public static string? SharedSku(IEnumerable<MarketplaceListingVariant> variants)
    {
        var stems = variants.Select(v => v.Sku is { } sku && sku.LastIndexOf('-') is var dash and > 0 ? sku[..dash] : null).Distinct().ToList();
        return stems is [{ } stem] ? stem : null;
    }
}

public sealed record MarketplaceListingVariant(string? Sku, IReadOnlyList<string> OptionValues, decimal? Price, int? Quantity);
