using System.Globalization;
using Marketplaces.Products;
using Marketplaces.Products.Listings;

namespace Marketplaces.Inventory;

/// <summary>
/// How much of the catalog's stock one channel shows, from its channel settings (a connection's, or one product's there):
/// some kept in reserve, at most so many listed, or stock not synced at all (the channel keeps what it was published with).
/// </summary>
public sealed record StockRules(bool Sync, int Reserve, int? Max)
{
    public const string SyncKey = "stock.sync";
    public const string ReserveKey = "stock.reserve";
    public const string MaxKey = "stock.max";

    public static readonly StockRules Default = new(true, 0, null);

    public static StockRules From(IReadOnlyDictionary<string, string> settings) => new(
        settings.GetValueOrDefault(SyncKey) != "off",
        Count(settings.GetValueOrDefault(ReserveKey)) ?? 0,
        Count(settings.GetValueOrDefault(MaxKey)));

    /// <summary>What the channel lists of a SKU with <paramref name="onHand"/> in the catalog.</summary>
    public int Listed(int onHand) => Math.Max(0, Math.Min(Max ?? int.MaxValue, onHand - Reserve));

    /// <summary>The product as this channel lists it: every SKU's quantity after the rules.</summary>
    public Product Applied(Product product)
    {
        product.Quantity = Listed(product.Quantity);
        foreach (var variant in product.Variants) variant.Quantity = Listed(variant.Quantity);
        return product;
    }

    /// <summary>The settings every channel offers beside its marketplace's own, with what 0 does there.</summary>
    public static IReadOnlyList<ChannelSetting> Settings(string outOfStock) =>
    [
        new(SyncKey, "Stock sync", [new("on", "In step with the catalog"), new("off", "Not synced")], "on",
            Hint: outOfStock),
        new(ReserveKey, "Keep in reserve", [], "0", Hint: "Units of each SKU this channel never sells (a whole number)."),
        new(MaxKey, "List at most", [], "", Hint: "Blank: everything in stock; otherwise at most this many of each SKU."),
    ];

    private static int? Count(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
}
