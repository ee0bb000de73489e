using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Products;

/// <summary>An option a product is sold in (Size: S, M, L), in the order the seller gave.</summary>
public sealed class ProductOption
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public List<string> Values { get; set; } = [];
}

internal sealed class ProductOptionConfiguration : IEntityTypeConfiguration<ProductOption>
{
    public void Configure(EntityTypeBuilder<ProductOption> entity)
    {
        entity.ToTable("product_options");
        entity.Property(o => o.Name).HasMaxLength(ProductRules.NameLength);
        entity.HasIndex(o => new { o.ProductId, o.Position }).IsUnique();
    }
}
