using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Polling;

/// <summary>
/// Finds the (connection, feed) pairs whose interval has passed since their last attempt and runs them through
/// the engine, oldest first, several at a time (<see cref="PollingOptions.ConcurrentRuns"/>) and within a time budget:
/// a slow or stuck connection holds one slot, never the others' turn, and one failing pair never stops the others.
/// Per-marketplace limits still hold, through the rate limiter. Due-ness comes from the last attempt, so a feed missed
/// for hours while the app was down runs once, not once per missed interval.
/// </summary>
public sealed partial class FeedSweep(IDbContextFactory<AppDbContext> contexts, FeedEngine engine, TimeProvider clock, ILogger<FeedSweep> logger)
{
    public const string Actor = "scheduler";
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);

    public sealed record SweepResult(int Due, int Synced, int Failed);

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var due = await DueAsync(started, ct);
        int synced = 0, failed = 0;
        var slots = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, engine.Options.ConcurrentRuns), CancellationToken = ct };
        await Parallel.ForEachAsync(due, slots, async (pair, token) =>
        {
            if (clock.GetUtcNow() - started > Budget) return;
            var (connectionId, feed) = pair;
            try
            {
                var outcome = await engine.SyncAsync(connectionId, feed, Actor, token);
                if (outcome.Result == SyncResult.Synced) Interlocked.Increment(ref synced);
                else if (outcome.Result == SyncResult.Failed) Interlocked.Increment(ref failed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Interlocked.Increment(ref failed);
                LogFailure(logger, feed, connectionId, e.Message);
            }
        });
        return new SweepResult(due.Count, synced, failed);
    }

    public async Task<IReadOnlyList<(Guid ConnectionId, string Feed)>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = await db.Set<Connection>().AsNoTracking()
            .Where(c => c.State == ConnectionState.Connected)
            .Select(c => new { c.Id, c.Marketplace })
            .ToListAsync(ct);
        var lastAttempts = await db.Set<FeedCursor>().AsNoTracking()
            .ToDictionaryAsync(c => (c.ConnectionId, c.Feed), c => c.LastAttemptAt, ct);
        return connections
            .SelectMany(c => engine.FeedsFor(c.Marketplace).Select(f => (c.Id, Feed: f, LastAttempt: lastAttempts.GetValueOrDefault((c.Id, f.Name)))))
            .Where(p => p.LastAttempt is not { } at || at + engine.Options.Interval(p.Feed) <= now)
            .OrderBy(p => p.LastAttempt ?? DateTimeOffset.MinValue)
            .Take(500)
            .Select(p => (p.Id, p.Feed.Name))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Feed} of connection {ConnectionId} failed: {Message}")]
    private static partial void LogFailure(ILogger logger, string feed, Guid connectionId, string message);
}
