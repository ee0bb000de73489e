namespace Marketplaces.Dropshipping;

/// <summary>A supplier's product as ordered from: its SKUs with their option values, stock and price, photos and package.</summary>
/// <param name="OnSale">False once the supplier withdrew it.</param>
/// <param name="Options">Option names in the SKUs' order (Color, Size); empty for a product sold as one SKU.</param>
public sealed record SupplierProduct(
    string ProductId,
    string Title,
    string DescriptionHtml,
    string Currency,
    bool OnSale,
    IReadOnlyList<string> Options,
    IReadOnlyList<SupplierSku> Skus,
    IReadOnlyList<string> ImageUrls,
    SupplierPackage? Package,
    decimal? Rating,
    int? Orders,
    string? StoreName);

/// <param name="SkuId">Given to the freight query.</param>
/// <param name="SkuAttr">Given back when ordering (<c>14:193#Black;5:100014064#S</c>; empty for a single SKU).</param>
/// <param name="Values">One per option, in <see cref="SupplierProduct.Options"/>' order.</param>
/// <param name="Price">What the dropshipper pays for one.</param>
public sealed record SupplierSku(string SkuId, string SkuAttr, IReadOnlyList<string> Values, decimal Price, int Stock, string? ImageUrl)
{
    public string Name => Values.Count == 0 ? "One SKU" : string.Join(" / ", Values);
}

public sealed record SupplierPackage(decimal? WeightKg, decimal? LengthCm, decimal? WidthCm, decimal? HeightCm);

/// <param name="Code">The logistics service, given back when ordering.</param>
/// <param name="Fee">0 when it ships free.</param>
public sealed record FreightOption(string Code, string Company, decimal Fee, string Currency, int? MinDays, int? MaxDays, bool Tracked);
