using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Products;

/// <summary>
/// A catalog product: what is published to every marketplace. With options, it is sold as its variants (one per
/// combination of option values, each with its own SKU, price and quantity) and its own price and quantity are only
/// what new variants start from.
/// </summary>
public sealed class Product
{
    public Guid Id { get; set; }

    public required string Sku { get; set; }
    public required string Title { get; set; }

    /// <summary>HTML, stored as sanitized (<see cref="ProductDescription"/>).</summary>
    public string Description { get; set; } = "";

    public string? Brand { get; set; }
    public ProductCondition Condition { get; set; } = ProductCondition.New;

    /// <summary>GTIN-8/12/13/14: UPC, EAN, ISBN-13 and GTIN-14 are all GTINs.</summary>
    public string? Gtin { get; set; }

    public string? Mpn { get; set; }
    public decimal Price { get; set; }
    public required string Currency { get; set; }
    public int Quantity { get; set; }

    /// <summary>At or below this many on hand, the dashboard lists the product as low on stock; null: never.</summary>
    public int? LowStockThreshold { get; set; }

    public int? WeightGrams { get; set; }
    public decimal? LengthCm { get; set; }
    public decimal? WidthCm { get; set; }
    public decimal? HeightCm { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<ProductOption> Options { get; set; } = [];
    public List<ProductVariant> Variants { get; set; } = [];
    public List<ProductImage> Images { get; set; } = [];

    public bool HasVariants => Variants.Count > 0;

    /// <summary>What the seller has to sell: the variants' quantities when there are variants.</summary>
    public int QuantityOnHand => HasVariants ? Variants.Sum(v => v.Quantity) : Quantity;
}

public enum ProductCondition
{
    New,
    NewOther,
    Refurbished,
    UsedLikeNew,
    UsedGood,
    UsedAcceptable,
    ForParts,
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> entity)
    {
        entity.ToTable("products");
        entity.Property(p => p.Sku).HasMaxLength(ProductRules.SkuLength);
        entity.HasIndex(p => p.Sku).IsUnique();
        entity.Property(p => p.Title).HasMaxLength(ProductRules.TitleLength);
        entity.HasIndex(p => p.Title);
        entity.Property(p => p.Brand).HasMaxLength(ProductRules.NameLength);
        entity.Property(p => p.Gtin).HasMaxLength(14);
        entity.Property(p => p.Mpn).HasMaxLength(ProductRules.NameLength);
        entity.Property(p => p.Currency).HasMaxLength(3);
        entity.Property(p => p.Condition).HasConversion<string>().HasMaxLength(20);
        entity.HasIndex(p => p.UpdatedAt);
        entity.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.ProductId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(p => p.Images).WithOne().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        entity.Ignore(p => p.HasVariants);
        entity.Ignore(p => p.QuantityOnHand);
    }
}
