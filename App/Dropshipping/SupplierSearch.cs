namespace Marketplaces.Dropshipping;

public enum SupplierSort
{
    BestMatch,
    PriceLowToHigh,
    PriceHighToLow,
    MostOrders,
    MostReviews,
}

/// <summary>A keyword search of the supplier's dropship catalogue, for delivery to <see cref="Country"/>.</summary>
public sealed record SupplierSearch(string Keywords, string Country, string Currency, SupplierSort Sort = SupplierSort.BestMatch, int Page = 1, int PageSize = 20);

/// <param name="Total">How many products match, over every page.</param>
public sealed record SupplierSearchPage(IReadOnlyList<SupplierHit> Hits, int Total, int Page, int PageSize)
{
    public int Pages => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

/// <param name="Rating">Out of 5; null when the supplier gives none.</param>
/// <param name="Orders">Sold so far; null when not given.</param>
public sealed record SupplierHit(string ProductId, string Title, string? ImageUrl, string? Url, decimal? Price, decimal? OriginalPrice, string Currency, decimal? Rating, int? Orders)
{
    /// <summary>A product read whole, shown as a hit (a feed lists ids only).</summary>
    public static SupplierHit Of(SupplierProduct product) => new(product.ProductId, product.Title, product.ImageUrls.FirstOrDefault(), null,
        product.Skus.Count == 0 ? null : product.Skus.Min(s => s.Price), null, product.Currency, product.Rating, product.Orders);
}

/// <param name="Products">How many products it lists, when the supplier says.</param>
public sealed record SupplierFeed(string Name, string Description, int? Products);

/// <param name="Next">Where the next page starts (AliExpress keeps it a minute); null on the last page.</param>
public sealed record SupplierFeedPage(IReadOnlyList<string> ProductIds, string? Next, int? Total);
