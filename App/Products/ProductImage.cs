using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Products;

/// <summary>A product photo as stored under <c>Data/media/products</c> (<see cref="ProductImages"/>); the first is the main image.</summary>
public sealed class ProductImage
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public int Position { get; set; }

    /// <summary>The file's name on the seller's computer, for the alt text and the seller's own reference.</summary>
    public required string FileName { get; set; }

    /// <summary>image/jpeg, image/png or image/webp, as decoded, not as the browser claimed.</summary>
    public required string ContentType { get; set; }

    public int Width { get; set; }
    public int Height { get; set; }
    public long Bytes { get; set; }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> entity)
    {
        entity.ToTable("product_images");
        entity.Property(i => i.FileName).HasMaxLength(ProductRules.NameLength);
        entity.Property(i => i.ContentType).HasMaxLength(40);
        entity.HasIndex(i => new { i.ProductId, i.Position });
    }
}
