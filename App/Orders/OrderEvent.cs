using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Orders;

/// <summary>One line of an order's history: a status change seen by polling, or a shipment pushed or refused.</summary>
public sealed class OrderEvent
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public DateTimeOffset At { get; set; }
    public OrderEventKind Kind { get; set; }
    public required string Message { get; set; }

    /// <summary>Who did it; null for what polling saw.</summary>
    public string? Actor { get; set; }
}

public enum OrderEventKind { StatusChanged, ShipmentPushed, ShipmentRejected, ShipmentUnconfirmed, MessageSent }

internal sealed class OrderEventConfiguration : IEntityTypeConfiguration<OrderEvent>
{
    public void Configure(EntityTypeBuilder<OrderEvent> entity)
    {
        entity.ToTable("order_events");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Kind).HasConversion<string>();
        entity.HasIndex(e => new { e.OrderId, e.At });
        entity.HasOne<Order>().WithMany().HasForeignKey(e => e.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}
