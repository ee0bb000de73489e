namespace Marketplaces.WooCommerce.Sandbox.Listings;

/// <summary>A site's products, their variations and the media library the products' images were downloaded into.</summary>
public sealed class WooCommerceSandboxProducts
{
    private readonly Lock _gate = new();
    private readonly List<WooCommerceSandboxProduct> _products = [];
    private readonly Dictionary<long, WooCommerceSandboxMedia> _media = [];

    public T Read<T>(Func<List<WooCommerceSandboxProduct>, T> read)
    {
        lock (_gate) return read(_products);
    }

    public T Write<T>(Func<List<WooCommerceSandboxProduct>, Dictionary<long, WooCommerceSandboxMedia>, T> write)
    {
        lock (_gate) return write(_products, _media);
    }

    public IReadOnlyList<WooCommerceSandboxProduct> All => Read(p => p.ToList());

    /// <summary>Each sold line's units taken off the managed product or variation with its SKU.</summary>
    public void Sell(IEnumerable<Marketplaces.Sandbox.Orders.SandboxOrderLine> lines) => Write((all, _) =>
    {
        foreach (var line in lines)
        {
            if (all.FirstOrDefault(p => p.ManageStock && p.Sku == line.Sku) is { StockQuantity: { } left } product) product.StockQuantity = left - line.Quantity;
            else if (all.SelectMany(p => p.Variations).FirstOrDefault(v => v.ManageStock && v.Sku == line.Sku) is { StockQuantity: { } held } variation)
                variation.StockQuantity = held - line.Quantity;
        }
        return 0;
    });

    /// <summary>WordPress's default product category: a product given none is in it.</summary>
    public const long Uncategorized = 15;

    /// <summary>The store's product categories, as a fresh install with a few added.</summary>
    public static readonly IReadOnlyList<(long Id, string Name, string Slug)> Categories =
        [(Uncategorized, "Uncategorized", "uncategorized"), (16, "Clothing", "clothing"), (17, "Home & Kitchen", "home-kitchen"), (18, "Accessories", "accessories")];

    /// <summary>Whether another product or variation has <paramref name="sku"/> (WooCommerce's SKUs are unique across both).</summary>
    public static bool SkuTaken(List<WooCommerceSandboxProduct> products, string sku, long except) =>
        sku.Length > 0 && products.Any(p => p.Id != except && string.Equals(p.Sku, sku, StringComparison.OrdinalIgnoreCase)
                                            || p.Variations.Any(v => v.Id != except && string.Equals(v.Sku, sku, StringComparison.OrdinalIgnoreCase)));
}

public sealed class WooCommerceSandboxProduct
{
    public long Id { get; init; }
    public string Name { get; set; } = "Product";
    public string Slug { get; set; } = "";
    public string Type { get; set; } = "simple";
    public string Status { get; set; } = "publish";
    public string Sku { get; set; } = "";
    public string RegularPrice { get; set; } = "";
    public bool ManageStock { get; set; }
    public int? StockQuantity { get; set; }
    public string Description { get; set; } = "";
    public string Weight { get; set; } = "";
    public (string Length, string Width, string Height) Dimensions { get; set; } = ("", "", "");
    public List<long> ImageIds { get; set; } = [];
    public List<long> CategoryIds { get; set; } = [WooCommerceSandboxProducts.Uncategorized];
    public List<(string Name, bool Visible, bool Variation, List<string> Options)> Attributes { get; set; } = [];
    public List<WooCommerceSandboxVariation> Variations { get; } = [];
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; set; }
}

public sealed class WooCommerceSandboxVariation
{
    public long Id { get; init; }
    public string Sku { get; set; } = "";
    public string RegularPrice { get; set; } = "";
    public bool ManageStock { get; set; }
    public int? StockQuantity { get; set; }
    public List<(string Name, string Option)> Attributes { get; set; } = [];
    public long? ImageId { get; set; }
}

/// <summary>An attachment: an image downloaded from the <c>src</c> a product named, with the title (<c>name</c>) it was given.</summary>
public sealed record WooCommerceSandboxMedia(long Id, string Name, string SourceUrl, string ContentType, int Bytes);
