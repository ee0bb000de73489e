using Hangfire;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Marketplaces.Polling;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Webhooks;

/// <summary>
/// Processes stored deliveries: for each connection with order events, its order feeds run once, which reads every
/// change those events announced (and any the poll has not read yet); the feeds' idempotent stores and the stock
/// ledger make a change read by both the push and the poll count once. Other events go to their
/// <see cref="IWebhookHandler"/> (privacy requests, a grant taken back). An event is marked processed only after its work, so a crash re-reads it.
/// </summary>
public sealed partial class WebhookProcessor(
    IDbContextFactory<AppDbContext> contexts, IExclusiveLocks locks, FeedEngine feeds, IEnumerable<IWebhookHandler> handlers, IBackgroundJobClient jobs,
    TimeProvider clock, Notifier<WebhookEvent> changes, ILogger<WebhookProcessor> logger)
{
    public const string Actor = "webhook";
    private static readonly TimeSpan QueuedFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);
    private long _queuedAt;

    /// <summary>
    /// Queues a processing run unless this instance queued one that has not started yet (a burst of deliveries makes one
    /// run). A run queued and lost no longer holds others back after <see cref="QueuedFor"/>; the minutely job catches up.
    /// </summary>
    public void Schedule()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var queued = Interlocked.Read(ref _queuedAt);
        if (queued != 0 && now - queued < QueuedFor.Ticks) return;
        if (Interlocked.CompareExchange(ref _queuedAt, now, queued) != queued) return;
        jobs.Enqueue<ProcessWebhooksJob>(j => j.RunAsync(CancellationToken.None));
    }

    /// <summary>The job's work: every unprocessed event. What it did, for the jobs page.</summary>
    public async Task<string> ProcessAsync(CancellationToken ct)
    {
        // Cleared before reading: an event stored from now on queues another run, and one stored before is read here.
        Interlocked.Exchange(ref _queuedAt, 0);
        await using var held = await locks.AcquireAsync("webhooks", "process", ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var pending = await db.Set<WebhookEvent>().AsNoTracking().Where(e => e.ProcessedAt == null)
            .Select(e => new { e.Id, e.ConnectionId, e.Marketplace, e.Kind, e.Topic }).OrderBy(e => e.Id).Take(50_000).ToListAsync(ct);
        var (synced, handled) = (0, 0);
        foreach (var group in pending.Where(e => e.Kind is WebhookKind.Orders or WebhookKind.Other).GroupBy(e => (e.ConnectionId, e.Marketplace)))
        {
            var (connection, marketplace) = group.Key;
            var last = group.Max(e => e.Id);
            var topics = group.Where(e => e.Kind == WebhookKind.Orders).Select(e => e.Topic).Distinct().ToList();
            var (failed, outcome) = topics.Count > 0 ? await SyncAsync(db, connection, marketplace, topics, ct) : (false, "Nothing to do");
            synced += topics.Count > 0 ? 1 : 0;
            await MarkAsync(db, e => e.ConnectionId == connection && e.Marketplace == marketplace && (e.Kind == WebhookKind.Orders || e.Kind == WebhookKind.Other) && e.Id <= last,
                failed, outcome, ct);
        }
        foreach (var request in pending.Where(e => e.Kind is not (WebhookKind.Orders or WebhookKind.Other)))
        {
            var stored = await db.Set<WebhookEvent>().AsNoTracking().SingleAsync(e => e.Id == request.Id, ct);
            try
            {
                var (failed, outcome) = handlers.FirstOrDefault(h => h.Handles(stored)) is { } handler
                    ? await handler.HandleAsync(stored, ct)
                    : (true, $"Nothing here handles {stored.Topic}");
                await MarkAsync(db, e => e.Id == request.Id, failed, outcome, ct);
                handled++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Left unprocessed: the next run tries it again, and the others are not held up behind it.
                LogHandlingFailed(logger, stored.Topic, stored.Id, e);
            }
        }
        await db.Set<WebhookEvent>().Where(e => e.ProcessedAt < clock.GetUtcNow() - KeptFor).ExecuteDeleteAsync(ct);
        if (pending.Count > 0) changes.Changed();
        return $"{pending.Count} events: {synced} connections synced, {handled} other requests handled";
    }

    /// <summary>
    /// The order feeds of the event's connection; of an event that names no account (eBay's <c>ORDER_CONFIRMATION</c>,
    /// whose data fields are not in ebay.md), those of every connected account subscribed to its topic.
    /// </summary>
    private async Task<(bool Failed, string Outcome)> SyncAsync(AppDbContext db, Guid? connectionId, string marketplace, IReadOnlyList<string> topics, CancellationToken ct)
    {
        var ids = connectionId is { } one ? [one]
            : await db.Set<WebhookSubscription>().Where(s => topics.Contains(s.Topic)
                    && db.Set<Connection>().Any(c => c.Id == s.ConnectionId && c.Marketplace == marketplace && c.State == ConnectionState.Connected))
                .Select(s => s.ConnectionId).Distinct().ToListAsync(ct);
        if (ids.Count == 0) return (false, "No connection here for this account");
        var outcomes = new List<SyncOutcome>();
        foreach (var id in ids)
        {
            try
            {
                foreach (var feed in feeds.FeedsFor(marketplace)) outcomes.Add(await feeds.SyncAsync(id, feed.Name, Actor, ct));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSyncFailed(logger, id, e);
                return (true, "The sync failed; the next poll reads the change");
            }
        }
        var failed = outcomes.Any(o => o.Result == SyncResult.Failed);
        return (failed, string.Join("; ", outcomes.Select(o => o.Message)));
    }

    private Task MarkAsync(AppDbContext db, System.Linq.Expressions.Expression<Func<WebhookEvent, bool>> which, bool failed, string outcome, CancellationToken ct) =>
        db.Set<WebhookEvent>().Where(e => e.ProcessedAt == null).Where(which).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.ProcessedAt, clock.GetUtcNow())
            .SetProperty(e => e.Failed, failed)
            .SetProperty(e => e.Outcome, outcome.Length > 500 ? outcome[..500] : outcome)
            .SetProperty(e => e.Body, (string?)null), ct);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Topic} (event {EventId}) failed; it is tried again next minute")]
    private static partial void LogHandlingFailed(ILogger logger, string topic, long eventId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sync a webhook asked for, of connection {ConnectionId}, failed")]
    private static partial void LogSyncFailed(ILogger logger, Guid connectionId, Exception exception);
}
