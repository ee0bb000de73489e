using Marketplaces.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Connections;

/// <summary>One line of a connection's history: who did what, when, and how it went. Never a secret.</summary>
public sealed class ConnectionEvent
{
    public long Id { get; set; }
    public Guid? ConnectionId { get; set; }
    public required string Marketplace { get; set; }
    /// <summary>Null when a failure happened before the environment was known (an unknown state).</summary>
    public MarketplaceEnvironment? Environment { get; set; }
    public string? Account { get; set; }
    public required string Actor { get; set; }
    public ConnectionAction Action { get; set; }
    public bool Succeeded { get; set; }
    public required string Message { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}

public enum ConnectionAction
{
    Connect,
    Refresh,
    Disconnect,
    Revoke,
    /// <summary>A feed run: every "Sync now", and of the schedule's runs only where a feed starts or stops failing.</summary>
    Sync,
    /// <summary>Webhook subscriptions made, re-made or removed at the marketplace.</summary>
    Webhooks,
    /// <summary>A privacy request the marketplace sent (a buyer's data exported or erased, a shop's erased).</summary>
    Privacy,
}

internal sealed class ConnectionEventConfiguration : IEntityTypeConfiguration<ConnectionEvent>
{
    public void Configure(EntityTypeBuilder<ConnectionEvent> entity)
    {
        entity.ToTable("connection_events");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Environment).HasConversion<string>();
        entity.Property(e => e.Action).HasConversion<string>();
        entity.HasIndex(e => new { e.Marketplace, e.OccurredAt });
        entity.HasIndex(e => e.ConnectionId);
    }
}
