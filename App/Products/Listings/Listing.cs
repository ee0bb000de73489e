using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Products.Listings;

/// <summary>A product on one connection: what state its publication is in, and where it lives at the marketplace.</summary>
public sealed class Listing
{
    public Guid Id { get; set; }
    public Guid ProductId { get; set; }
    public Guid ConnectionId { get; set; }
    public required string Marketplace { get; set; }
    public ListingState State { get; set; }

    /// <summary>The marketplace's id of the listing (a WooCommerce product id, an eBay offer, …), once it has one.</summary>
    public string? ExternalId { get; set; }

    /// <summary>Where the buyer sees it.</summary>
    public string? Url { get; set; }

    /// <summary>Why it needs attention, in the marketplace's own words where it gave them.</summary>
    public string? Message { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// This product's own channel settings on this connection (an eBay category, an Amazon product type…), over the
    /// connection's: only the keys that differ from them.
    /// </summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>When a publish last called the marketplace: one that ended without an id may have created the listing all the same.</summary>
    public DateTimeOffset? AttemptedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>How many of each SKU the marketplace offers, as this app last set or read it there; a SKU absent is not known.</summary>
    public Dictionary<string, int> ChannelQuantities { get; set; } = [];

    /// <summary>When the catalog's stock last changed in a way this listing may have to follow; null when it is in step.</summary>
    public DateTimeOffset? StockDueAt { get; set; }

    /// <summary>Why the last stock push did not go through, in the marketplace's words; it is tried again until it does.</summary>
    public string? StockMessage { get; set; }

    public DateTimeOffset? StockPushedAt { get; set; }

    /// <summary>What the marketplace showed, by SKU, where it differed from what this app had set (changed there directly).</summary>
    public Dictionary<string, int> Drift { get; set; } = [];

    public DateTimeOffset? DriftSeenAt { get; set; }
}

public enum ListingState
{
    Draft,
    Publishing,
    Live,
    NeedsAttention,
    Ending,
    Ended,
}

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> entity)
    {
        entity.ToTable("listings");
        entity.HasIndex(l => new { l.ProductId, l.ConnectionId }).IsUnique();
        entity.HasIndex(l => l.ConnectionId);
        entity.Property(l => l.Marketplace).HasMaxLength(40);
        entity.Property(l => l.State).HasConversion<string>().HasMaxLength(20);
        entity.Property(l => l.ExternalId).HasMaxLength(255);
        entity.Property(l => l.Url).HasMaxLength(2_000);
        entity.Property(l => l.Message).HasMaxLength(2_000);
        entity.Property(l => l.Settings).AsJson();
        entity.Property(l => l.ChannelQuantities).AsJson();
        entity.Property(l => l.Drift).AsJson();
        entity.Property(l => l.StockMessage).HasMaxLength(2_000);
        entity.HasIndex(l => l.StockDueAt);
        entity.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Connection>().WithMany().HasForeignKey(l => l.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
