using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Polling;

/// <summary>One feed of one connection as its card shows it.</summary>
public sealed record FeedStatus(string Feed, DateTimeOffset? LastSuccessAt, string? LastError, int ConsecutiveFailures)
{
    /// <summary>A single failure is retried quietly; from this many in a row the card shows the error.</summary>
    public const int RepeatedFailures = 3;

    public bool ShowsError => ConsecutiveFailures >= RepeatedFailures && LastError is not null;
}

public sealed class FeedStatuses(IDbContextFactory<AppDbContext> contexts, FeedEngine engine)
{
    /// <summary>Every feed the connection's marketplace has, synced or not yet.</summary>
    public async Task<IReadOnlyList<FeedStatus>> ForAsync(Connection connection, CancellationToken ct = default)
    {
        var feeds = engine.FeedsFor(connection.Marketplace);
        if (feeds.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursors = await db.Set<FeedCursor>().AsNoTracking().Where(c => c.ConnectionId == connection.Id).ToDictionaryAsync(c => c.Feed, ct);
        return feeds.Select(f => cursors.TryGetValue(f.Name, out var c)
            ? new FeedStatus(f.Name, c.LastSuccessAt, c.LastError, c.ConsecutiveFailures)
            : new FeedStatus(f.Name, null, null, 0)).ToList();
    }
}
