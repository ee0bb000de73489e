using Marketplaces.Connections;
using Marketplaces.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Dropshipping;

/// <summary>
/// A customer's order as ordered from the supplier: the request as sent (so that a retry sends the very same order,
/// under the same out-order id), the supplier's order ids, where it stands, what it costs and its tracking. One per
/// order. The request holds the buyer's address: personal data, shown only to signed-in users and never logged.
/// </summary>
public sealed class SupplierOrder
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid? ConnectionId { get; set; }
    public required string Marketplace { get; set; }
    public required string OutOrderId { get; set; }
    public int Attempt { get; set; }
    public SupplierOrderState State { get; set; }

    /// <summary>The <see cref="SupplierOrderRequest"/> as JSON.</summary>
    public required string Request { get; set; }

    /// <summary>The supplier's order ids, comma-separated.</summary>
    public string? SupplierOrderIds { get; set; }

    /// <summary>The supplier's own status name, as last read.</summary>
    public string? SupplierStatus { get; set; }

    /// <summary>Products and shipping: as quoted when ordered, then as the supplier's order says.</summary>
    public decimal? Cost { get; set; }

    public string? CostCurrency { get; set; }
    public string? TrackingNumber { get; set; }
    public string? Carrier { get; set; }

    /// <summary>Where it stands or what went wrong, in words, with what to do.</summary>
    public required string Message { get; set; }

    public required string Actor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
    public DateTimeOffset? TrackingSentAt { get; set; }

    public IReadOnlyList<string> SupplierOrderIdList => SupplierOrderIds?.Split(',') ?? [];
}

public enum SupplierOrderState
{
    /// <summary>Sent, answer not known yet (or lost): ordering again sends the same request, which the supplier does not place twice.</summary>
    Placing,

    /// <summary>Refused by the supplier; nothing was ordered.</summary>
    Refused,

    AwaitingPayment,
    Processing,
    Shipped,
    TrackingSent,
    Closed,
}

internal sealed class SupplierOrderConfiguration : IEntityTypeConfiguration<SupplierOrder>
{
    public void Configure(EntityTypeBuilder<SupplierOrder> entity)
    {
        entity.ToTable("supplier_orders");
        entity.HasIndex(o => o.OrderId).IsUnique();
        entity.HasIndex(o => o.State);
        entity.Property(o => o.Marketplace).HasMaxLength(40);
        entity.Property(o => o.OutOrderId).HasMaxLength(64);
        entity.Property(o => o.State).HasConversion<string>().HasMaxLength(20);
        entity.Property(o => o.SupplierOrderIds).HasMaxLength(400);
        entity.Property(o => o.SupplierStatus).HasMaxLength(40);
        entity.Property(o => o.CostCurrency).HasMaxLength(3);
        entity.Property(o => o.TrackingNumber).HasMaxLength(64);
        entity.Property(o => o.Carrier).HasMaxLength(100);
        entity.Property(o => o.Message).HasMaxLength(1000);
        entity.Property(o => o.Actor).HasMaxLength(200);
        entity.HasOne<Order>().WithMany().HasForeignKey(o => o.OrderId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Connection>().WithMany().HasForeignKey(o => o.ConnectionId).OnDelete(DeleteBehavior.SetNull);
        entity.Ignore(o => o.SupplierOrderIdList);
    }
}
