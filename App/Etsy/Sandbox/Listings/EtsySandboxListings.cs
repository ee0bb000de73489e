using System.Collections.Concurrent;

namespace Marketplaces.Etsy.Sandbox.Listings;

/// <summary>
/// The listings of the emulator's shops, each shop's under its own lock, with the profiles every sandbox shop has: one
/// shipping profile, one return policy and one processing profile (readiness state), ids derived from the shop's.
/// </summary>
internal sealed class EtsySandboxListings
{
    private readonly ConcurrentDictionary<long, EtsySandboxShopListings> _shops = new();
    private long _nextListing = 1_600_000_001;
    private long _nextImage = 5_800_000_001;
    private long _nextProduct = 9_100_000_001;

    public EtsySandboxShopListings Shop(long shopId) => _shops.GetOrAdd(shopId, id => new EtsySandboxShopListings(id));

    public IEnumerable<EtsySandboxShopListings> Shops => _shops.Values;

    public long NextListingId() => Interlocked.Increment(ref _nextListing);

    public long NextImageId() => Interlocked.Increment(ref _nextImage);

    public long NextProductId() => Interlocked.Increment(ref _nextProduct);
}

internal sealed class EtsySandboxShopListings(long shopId)
{
    public object Gate { get; } = new();
    public long ShopId => shopId;
    public long ShippingProfileId => shopId * 10 + 1;
    public long ReturnPolicyId => shopId * 10 + 2;
    public long ReadinessStateId => shopId * 10 + 3;
    public Dictionary<long, EtsySandboxListing> Listings { get; } = [];
}

internal sealed class EtsySandboxListing
{
    public long ListingId { get; init; }
    public long ShopId { get; init; }
    public long UserId { get; init; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string State { get; set; } = "draft";
    public string WhoMade { get; set; } = "";
    public string WhenMade { get; set; } = "";
    public long TaxonomyId { get; set; }
    public long? ShippingProfileId { get; set; }
    public long? ReturnPolicyId { get; set; }
    public long Created { get; init; }
    public long Updated { get; set; }
    public List<EtsySandboxImage> Images { get; } = [];
    public List<EtsySandboxProduct> Products { get; set; } = [];
    public List<long> PriceOnProperty { get; set; } = [];
    public List<long> QuantityOnProperty { get; set; } = [];
    public List<long> SkuOnProperty { get; set; } = [];

    public int Quantity => Products.SelectMany(p => p.Offerings).Where(o => o.Enabled).Sum(o => o.Quantity);

    public decimal Price => Products.SelectMany(p => p.Offerings).Select(o => o.Price).DefaultIfEmpty(0).Min();
}

internal sealed record EtsySandboxImage(long Id, int Rank, int Width, int Height, string? AltText, long Created);

internal sealed record EtsySandboxProduct(long ProductId, string Sku, IReadOnlyList<EtsySandboxPropertyValue> PropertyValues, IReadOnlyList<EtsySandboxOffering> Offerings);

internal sealed record EtsySandboxPropertyValue(long PropertyId, string? PropertyName, IReadOnlyList<long> ValueIds, IReadOnlyList<string> Values);

internal sealed record EtsySandboxOffering(long OfferingId, decimal Price, int Quantity, bool Enabled, long ReadinessStateId);
