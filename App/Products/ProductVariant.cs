using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Products;

/// <summary>One combination of a product's option values, sold under its own SKU.</summary>
public sealed class ProductVariant
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public int Position { get; set; }
    public required string Sku { get; set; }

    /// <summary>One value per option, in the options' order.</summary>
    public List<string> OptionValues { get; set; } = [];

    public decimal Price { get; set; }
    public int Quantity { get; set; }
    public string? Gtin { get; set; }

    /// <summary>One of the product's images, shown for this variant.</summary>
    public Guid? ImageId { get; set; }

    public string Name => string.Join(" / ", OptionValues);
}

internal sealed class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> entity)
    {
        entity.ToTable("product_variants");
        entity.Property(v => v.Sku).HasMaxLength(ProductRules.SkuLength);
        entity.HasIndex(v => v.Sku).IsUnique();
        entity.Property(v => v.Gtin).HasMaxLength(14);
        entity.HasIndex(v => new { v.ProductId, v.Position });
        entity.Ignore(v => v.Name);
    }
}
