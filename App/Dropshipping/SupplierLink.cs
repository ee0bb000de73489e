using Marketplaces.Connections;
using Marketplaces.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Dropshipping;

/// <summary>
/// A catalog product bought from a supplier: which supplier product it is, through which supplier connection, the
/// country it is priced for, and its own pricing rule. Its SKUs (<see cref="SupplierSkuLink"/>) say which supplier SKU
/// each variant is and what it cost.
/// </summary>
public sealed class SupplierLink
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }

    /// <summary>The supplier connection (the AliExpress buyer account); null once it was removed.</summary>
    public Guid? ConnectionId { get; set; }

    public required string Marketplace { get; set; }
    public required string SupplierProductId { get; set; }
    public required string Country { get; set; }
    public decimal MarkupPercent { get; set; }
    public decimal FixedAmount { get; set; }
    public decimal? PriceEnding { get; set; }
    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>Whether a supplier cost change re-prices the variants by <see cref="Rule"/>; otherwise prices stay the seller's.</summary>
    public bool AutoReprice { get; set; } = true;

    /// <summary>Under this margin (percent of the selling price) the product is flagged; null: never.</summary>
    public decimal? MarginFloorPercent { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }

    /// <summary>What needs the seller, in words (withdrawn by the supplier, margin under the floor, a SKU gone); null when nothing does.</summary>
    public string? Problem { get; set; }

    public List<SupplierSkuLink> Skus { get; set; } = [];

    public PricingRule Rule => new(MarkupPercent, FixedAmount, PriceEnding);
}

/// <summary>One variant (or the product itself, without variants) as a supplier SKU, with its cost when last read.</summary>
public sealed class SupplierSkuLink
{
    public long Id { get; set; }
    public Guid LinkId { get; set; }

    /// <summary>Null: the product itself, which has no variants.</summary>
    public Guid? VariantId { get; set; }

    public required string SkuId { get; set; }
    public required string SkuAttr { get; set; }
    public decimal Cost { get; set; }
    public required string Currency { get; set; }
    public int Stock { get; set; }
}

internal sealed class SupplierLinkConfiguration : IEntityTypeConfiguration<SupplierLink>
{
    public void Configure(EntityTypeBuilder<SupplierLink> entity)
    {
        entity.ToTable("supplier_links");
        entity.HasIndex(l => l.ProductId).IsUnique();
        entity.Property(l => l.Marketplace).HasMaxLength(40);
        entity.Property(l => l.SupplierProductId).HasMaxLength(40);
        entity.HasIndex(l => new { l.Marketplace, l.SupplierProductId });
        entity.Property(l => l.Country).HasMaxLength(2);
        entity.Property(l => l.Problem).HasMaxLength(1000);
        entity.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Connection>().WithMany().HasForeignKey(l => l.ConnectionId).OnDelete(DeleteBehavior.SetNull);
        entity.HasMany(l => l.Skus).WithOne().HasForeignKey(s => s.LinkId).OnDelete(DeleteBehavior.Cascade);
        entity.Ignore(l => l.Rule);
    }
}

internal sealed class SupplierSkuLinkConfiguration : IEntityTypeConfiguration<SupplierSkuLink>
{
    public void Configure(EntityTypeBuilder<SupplierSkuLink> entity)
    {
        entity.ToTable("supplier_sku_links");
        entity.Property(s => s.SkuId).HasMaxLength(40);
        entity.Property(s => s.SkuAttr).HasMaxLength(500);
        entity.Property(s => s.Currency).HasMaxLength(3);
        entity.HasIndex(s => s.LinkId);
        entity.HasOne<ProductVariant>().WithMany().HasForeignKey(s => s.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}
