using Marketplaces.Database;
using System.Text.Json;
using Marketplaces.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Orders;

/// <summary>
/// One order from any marketplace, in the shape every marketplace maps to. <see cref="UpdatedAt"/> is the
/// marketplace's last-modified time; <see cref="FirstSeenAt"/>/<see cref="LastSeenAt"/> are ours.
/// </summary>
public sealed class Order
{
    public Guid Id { get; set; }
    public Guid ConnectionId { get; set; }
    public required string Marketplace { get; set; }
    public required string ExternalId { get; set; }

    /// <summary>The number the seller and buyer see; the external id unless the marketplace has a separate one.</summary>
    public required string OrderNumber { get; set; }

    public OrderStatus Status { get; set; }

    /// <summary>The status in the marketplace's own words (eBay NOT_STARTED, IN_PROGRESS, FULFILLED…).</summary>
    public required string MarketplaceStatus { get; set; }

    public string? BuyerName { get; set; }
    public PostalAddress? ShipTo { get; set; }

    /// <summary>The latest date the marketplace expects the order shipped by, where it says one.</summary>
    public DateTimeOffset? ShipBy { get; set; }
    public required string Currency { get; set; }
    public decimal Total { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Order number, external id, buyer and SKUs in lower case: what the list's search matches (trigram index).</summary>
    public required string SearchText { get; set; }

    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>The marketplace's status when polling first saw the order, never changed after: the first line of its
    /// history. Null for orders stored before it was kept.</summary>
    public string? FirstSeenStatus { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
    public List<OrderLine> Lines { get; set; } = [];

    /// <summary>Why the marketplace's last record of this order could not be read (<see cref="OrderStatus.NeedsAttention"/>).</summary>
    public string? Problem { get; set; }

    /// <summary>The order exactly as the marketplace sent it, for audit. Kept in a table of its own (order_payloads):
    /// orders rows stay narrow, so the list's scans (search, totals) never read through kilobytes of JSON.</summary>
    public required string RawPayload { get; set; }

    /// <summary>Units its lines asked for that the catalog no longer had when the order arrived (sold elsewhere at the same time).</summary>
    public int OversoldUnits { get; set; }
}

public enum OrderStatus { Unfulfilled, PartiallyFulfilled, Fulfilled, Cancelled, NeedsAttention }

public static class OrderStatuses
{
    /// <summary>What the dashboard counts and the list filters as "Awaiting shipment".</summary>
    public static readonly OrderStatus[] AwaitingShipment = [OrderStatus.Unfulfilled, OrderStatus.PartiallyFulfilled];
}

public sealed class OrderLine
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public required string ExternalLineId { get; set; }
    public string? Sku { get; set; }
    public required string Title { get; set; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public required string Currency { get; set; }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> entity)
    {
        entity.ToTable("orders");
        entity.HasKey(o => o.Id);
        entity.Property(o => o.Status).HasConversion<string>();
        entity.SplitToTable("order_payloads", payload => payload.Property(o => o.RawPayload));
        entity.Property(o => o.RawPayload).IsJson(verbatim: true);
        entity.Property(o => o.ShipTo).IsJson().HasConversion(
            a => a == null ? null : JsonSerializer.Serialize(a, JsonSerializerOptions.Web),
            json => json == null ? null : JsonSerializer.Deserialize<PostalAddress>(json, JsonSerializerOptions.Web));
        entity.HasIndex(o => new { o.ConnectionId, o.ExternalId }).IsUnique();
        // The list's filters, count, per-currency totals and (on SQLite, which scans for a substring) search are answered
        // from this index alone, newest first.
        entity.HasIndex(o => o.CreatedAt).IncludeProperties(o => new { o.Marketplace, o.ConnectionId, o.Status, o.Currency, o.Total, o.SearchText });
        entity.HasIndex(o => o.OrderNumber);
        // PostgreSQL's search. New entries go to the index's pending list, merged into the index in bulk when it is full
        // (or by autovacuum), which costs an insert far less than a merge per row; searches scan that list as they go,
        // and 16 MB of it (about 16,000 orders) adds some 30 ms to a search at worst, against 4 MB's four times as many merges.
        entity.HasIndex(o => o.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops").HasStorageParameter("gin_pending_list_limit", 16384);
        entity.HasOne<Connection>().WithMany().HasForeignKey(o => o.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        entity.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> entity)
    {
        entity.ToTable("order_lines");
        entity.HasKey(l => l.Id);
        entity.HasIndex(l => new { l.OrderId, l.ExternalLineId }).IsUnique();
    }
}
