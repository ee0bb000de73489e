using Marketplaces.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplaces.Polling;

/// <summary>
/// Where one feed of one connection stands. A window reads everything modified since <see cref="WindowFrom"/>
/// page by page; each page is committed with <see cref="PageToken"/> (the next page), so a run that dies resumes
/// there. When the last page is committed the watermark moves to <see cref="WindowStartedAt"/>, and the next window
/// starts an overlap before it. Also the feed's health as the card shows it.
/// </summary>
public sealed class FeedCursor
{
    public Guid ConnectionId { get; set; }
    public required string Feed { get; set; }

    /// <summary>Everything modified before this (by the marketplace's clock, give or take the overlap) is stored.</summary>
    public DateTimeOffset? Watermark { get; set; }

    public DateTimeOffset? WindowFrom { get; set; }
    public DateTimeOffset? WindowStartedAt { get; set; }
    public string? PageToken { get; set; }
    public int PagesInWindow { get; set; }

    /// <summary>Records read so far in the open window: how far a walk that goes on in the background has come.</summary>
    public int ItemsInWindow { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public DateTimeOffset? LastFailedAt { get; set; }
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
}

internal sealed class FeedCursorConfiguration : IEntityTypeConfiguration<FeedCursor>
{
    public void Configure(EntityTypeBuilder<FeedCursor> entity)
    {
        entity.ToTable("feed_cursors");
        entity.HasKey(c => new { c.ConnectionId, c.Feed });
        entity.HasOne<Connection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
