using Marketplaces.Connections;

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
}

/// <param name="ExternalId">The listing's id from an earlier publish, if any.</param>
/// <param name="ImageUrls">A public address of each image, for marketplaces that fetch images themselves.</param>
public sealed record ListingDraft(Product Product, string? ExternalId, IReadOnlyDictionary<Guid, string> ImageUrls);

public sealed record PublishedListing(string ExternalId, string? Url);
