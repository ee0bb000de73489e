using Marketplaces.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Inventory;

/// <summary>One line of a SKU's stock ledger: what moved its catalog quantity, by how much, and what it was left at.</summary>
public sealed class StockMovement
{
    public long Id { get; set; }
    public Guid ProductId { get; set; }
    public required string Sku { get; set; }
    public DateTimeOffset At { get; set; }
    public StockMovementReason Reason { get; set; }

    /// <summary>What the cause asked for: an order of 2 asks −2 even when only 1 was left.</summary>
    public int Requested { get; set; }

    /// <summary>What the quantity actually moved by (never below 0: the rest is the order's oversold units).</summary>
    public int Change { get; set; }

    public int QuantityAfter { get; set; }

    /// <summary>The order that moved it, for sales and cancellations: re-reading that order compares with these rows.</summary>
    public Guid? OrderId { get; set; }

    /// <summary>What the seller reads: "Order 1234 on eBay", "Taken from Etsy · My shop".</summary>
    public required string Note { get; set; }

    /// <summary>Who did it; null for what a feed or job did.</summary>
    public string? Actor { get; set; }
}

public enum StockMovementReason
{
    Sale,
    Cancellation,
    Edit,
    Import,
    Supplier,
    TakenFromChannel,
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> entity)
    {
        entity.ToTable("stock_movements");
        entity.HasKey(m => m.Id);
        entity.Property(m => m.Sku).HasMaxLength(Products.ProductRules.SkuLength);
        entity.Property(m => m.Reason).HasConversion<string>().HasMaxLength(20);
        entity.Property(m => m.Note).HasMaxLength(500);
        entity.Property(m => m.Actor).HasMaxLength(255);
        entity.HasIndex(m => new { m.ProductId, m.At });
        entity.HasIndex(m => m.OrderId);
        entity.HasOne<Products.Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Order>().WithMany().HasForeignKey(m => m.OrderId).OnDelete(DeleteBehavior.SetNull);
    }
}
