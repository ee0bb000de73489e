using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Polling;

/// <summary>One feed of one connection as its card shows it.</summary>
/// <param name="AttentionAfter">Failures in a row after which reading the window again has not helped either.</param>
/// <param name="Reading">How far a window read in part has come, while runs go on with it without failing.</param>
public sealed record FeedStatus(string Feed, DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveFailures, int AttentionAfter, WindowProgress? Reading = null)
{
    /// <summary>A single failure is retried quietly; from this many in a row the card shows the error.</summary>
    public const int RepeatedFailures = 3;

    public bool ShowsError => ConsecutiveFailures >= RepeatedFailures && LastError is not null;

    /// <summary>
    /// The feed kept failing after its window was read again from the watermark: what the marketplace sends is what
    /// fails, and the seller has to look. It is still retried on schedule; other feeds are not held up by it.
    /// </summary>
    public bool NeedsAttention => ConsecutiveFailures >= AttentionAfter && LastError is not null;
}

/// <summary>A window's pages committed so far and the records on them.</summary>
public sealed record WindowProgress(int Pages, int Items);

public sealed class FeedStatuses(IDbContextFactory<AppDbContext> contexts, FeedEngine engine)
{
    /// <summary>Every feed the connection's marketplace has, synced or not yet.</summary>
    public async Task<IReadOnlyList<FeedStatus>> ForAsync(Connection connection, CancellationToken ct = default)
    {
        var feeds = engine.FeedsFor(connection.Marketplace);
        if (feeds.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursors = await db.Set<FeedCursor>().AsNoTracking().Where(c => c.ConnectionId == connection.Id).ToDictionaryAsync(c => c.Feed, ct);
        // The window restarts after RestartWindowAfterFailures; as many failures again after that need the seller.
        var attentionAfter = 2 * engine.Options.RestartWindowAfterFailures;
        return feeds.Select(f => cursors.TryGetValue(f.Name, out var c)
            ? new FeedStatus(f.Name, c.LastSuccessAt, c.LastError, c.ConsecutiveFailures, attentionAfter,
                c.PageToken is not null && c.ConsecutiveFailures == 0 ? new WindowProgress(c.PagesInWindow, c.ItemsInWindow) : null)
            : new FeedStatus(f.Name, null, null, 0, attentionAfter)).ToList();
    }
}
