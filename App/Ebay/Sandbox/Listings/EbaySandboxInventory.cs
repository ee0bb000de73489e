using System.Text.Json.Nodes;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// One seller's Inventory API data in the emulator: inventory items and groups as the seller last sent them, offers,
/// locations, the business policies the seller is opted in with (seeded: one of each kind per marketplace), and the
/// listings publishing made. Everything under <see cref="Gate"/>.
/// </summary>
public sealed class EbaySandboxInventory
{
    public object Gate { get; } = new();

    public Dictionary<string, JsonObject> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>The locale each item was last written in (Content-Language, as eBay keeps it: <c>en_US</c>).</summary>
    public Dictionary<string, string> Locales { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Groups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EbaySandboxOffer> Offers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Locations { get; } = new(StringComparer.Ordinal);

    private long _nextOffer = 5000000001;
    private long _nextListing = 110550000001;

    public string NextOfferId() => (_nextOffer++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string NextListingId() => (_nextListing++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The groups an item belongs to (its <c>groupIds</c>).</summary>
    public List<string> GroupsOf(string sku) => Groups.Where(g => g.Value["variantSKUs"] is JsonArray skus && skus.Any(s => s?.GetValue<string>() == sku)).Select(g => g.Key).ToList();

    public IEnumerable<EbaySandboxOffer> OffersOf(string sku) => Offers.Values.Where(o => o.Sku == sku);
}

/// <summary>An offer: the seller's last body, and whether it is published as which listing.</summary>
public sealed class EbaySandboxOffer(string offerId, string sku, string marketplaceId, string format)
{
    public string OfferId => offerId;
    public string Sku => sku;
    public string MarketplaceId => marketplaceId;
    public string Format => format;
    public JsonObject Body { get; set; } = [];
    public bool Published { get; set; }
    public string? ListingId { get; set; }
    public bool Ended { get; set; }

    public JsonObject Json()
    {
        var json = (JsonObject)Body.DeepClone();
        json["offerId"] = offerId;
        json["sku"] = sku;
        json["marketplaceId"] = marketplaceId;
        json["format"] = format;
        json["status"] = Published ? "PUBLISHED" : "UNPUBLISHED";
        if (ListingId is not null) json["listing"] = new JsonObject { ["listingId"] = ListingId, ["listingStatus"] = Published ? "ACTIVE" : "ENDED", ["soldQuantity"] = 0 };
        return json;
    }
}
