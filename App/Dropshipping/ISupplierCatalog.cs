using Marketplaces.Connections;

namespace Marketplaces.Dropshipping;

/// <summary>A supplier's catalogue as a dropshipper reads it (AliExpress's DS APIs); calls go through the supplier connection's <see cref="ConnectionApi"/>.</summary>
public interface ISupplierCatalog
{
    string MarketplaceId { get; }

    Task<SupplierSearchPage> SearchAsync(ConnectionApi api, SupplierSearch search, CancellationToken ct);

    /// <summary>The supplier's curated product lists (AliExpress's DS feeds).</summary>
    Task<IReadOnlyList<SupplierFeed>> FeedsAsync(ConnectionApi api, CancellationToken ct);

    /// <param name="cursor">What the previous page gave as <see cref="SupplierFeedPage.Next"/>; null for the first page.</param>
    Task<SupplierFeedPage> FeedPageAsync(ConnectionApi api, string feed, string? cursor, int pageSize, CancellationToken ct);

    /// <summary>The product as sold to <paramref name="country"/>, priced in <paramref name="currency"/>.</summary>
    Task<SupplierProduct> ProductAsync(ConnectionApi api, string productId, string country, string currency, CancellationToken ct);

    /// <summary>The ways one SKU can be shipped to <paramref name="country"/>, cheapest first.</summary>
    Task<IReadOnlyList<FreightOption>> FreightAsync(ConnectionApi api, string productId, string skuId, int quantity, string country, string currency, CancellationToken ct);
}
