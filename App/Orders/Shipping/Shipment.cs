using Marketplaces.Database;
using System.Text.Json;
using Marketplaces.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Orders.Shipping;

/// <summary>
/// A shipment the seller marked on an order and its push to the marketplace. One per (order, tracking number): marking
/// the same tracking number again is the same shipment, which is what makes a retry safe.
/// </summary>
public sealed class Shipment
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid ConnectionId { get; set; }
    public required string Carrier { get; set; }
    public required string TrackingNumber { get; set; }
    public DateTimeOffset ShippedAt { get; set; }
    public List<ShipmentLine> Lines { get; set; } = [];
    public ShipmentState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? PushedAt { get; set; }

    /// <summary>
    /// When a poll first read the order shipped at the marketplace after the push. Until then the shipment is accepted
    /// but awaiting the marketplace: its order page says so rather than showing the marketplace's old status as if final.
    /// </summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The marketplace's id for the shipment (eBay fulfillment id, Shopify fulfillment gid…) when it gives one.</summary>
    public string? ExternalId { get; set; }

    /// <summary>The marketplace's refusal, or why the outcome is unknown.</summary>
    public string? Error { get; set; }
}

/// <param name="ExternalLineId">The order line as the marketplace identifies it.</param>
public sealed record ShipmentLine(string ExternalLineId, int Quantity);

public enum ShipmentState
{
    /// <summary>Being pushed now.</summary>
    Pushing,

    /// <summary>The marketplace accepted it.</summary>
    Pushed,

    /// <summary>The marketplace refused it; <see cref="Shipment.Error"/> says why.</summary>
    Rejected,

    /// <summary>No answer (timeout, connection lost, 5xx): it may or may not have arrived; a retry looks before it pushes.</summary>
    Unconfirmed,
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> entity)
    {
        entity.ToTable("shipments");
        entity.HasKey(s => s.Id);
        entity.Property(s => s.State).HasConversion<string>();
        entity.Property(s => s.Lines).IsJson().HasConversion(
            lines => JsonSerializer.Serialize(lines, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<ShipmentLine>>(json, JsonSerializerOptions.Web) ?? new List<ShipmentLine>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<ShipmentLine>>(
                (a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()));
        entity.HasIndex(s => new { s.OrderId, s.TrackingNumber }).IsUnique();
        entity.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Connection>().WithMany().HasForeignKey(s => s.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
