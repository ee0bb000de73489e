using System.Diagnostics;
using Hangfire;
using Marketplaces.Connections;
using Marketplaces.Hosting;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplaces.Polling;

/// <summary>
/// Runs one feed of one connection: the scheduled sweep and "Sync now" both come here. One run per (connection,
/// feed) at a time, across app instances too: the run holds its lock (<see cref="IExclusiveLocks"/>) for its whole duration.
/// Each page's rows are committed together with the cursor's next-page position, and the watermark moves only when
/// the window's last page is committed; so a run killed between pages resumes where it stopped and loses nothing,
/// and re-reading is harmless because stores are idempotent.
/// </summary>
public sealed partial class FeedEngine(
    IDbContextFactory<AppDbContext> contexts, IExclusiveLocks locks, IEnumerable<IFeed> feeds, IEnumerable<IFeedTally> tallies, IOptions<PollingOptions> options, MarketplaceTargets targets,
    ConnectionStore store, TokenRefresher refresher, IBackgroundJobClient jobs, ConnectionAudit audit, IHttpClientFactory http, ShopTimeZone timeZone, PlannerStatistics statistics, TimeProvider clock, Notifier<Connection> changes, Notifier<FeedPage> committedPages,
    ILogger<FeedEngine> logger)
{
    private readonly IReadOnlyList<IFeed> _feeds = feeds.ToList();

    public PollingOptions Options => options.Value;

    public IReadOnlyList<IFeed> FeedsFor(string marketplace) =>
        _feeds.Where(f => f.MarketplaceId.Equals(marketplace, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// "Sync now": every feed of the connection, one after the other, each run in the connection history. The seller
    /// waits <see cref="PollingOptions.SyncNowSeconds"/> at most: a feed not read to its end by then goes on at once in a
    /// background job (<see cref="ContinueSyncJob"/>), and the card shows how far it has come.
    /// </summary>
    public async Task<IReadOnlyList<SyncOutcome>> SyncConnectionAsync(Guid connectionId, string actor, CancellationToken ct = default)
    {
        var connection = await store.FindAsync(connectionId, ct);
        if (connection is null) return [new SyncOutcome("", SyncResult.Skipped, 0, 0, "The connection no longer exists.")];
        var waited = Stopwatch.StartNew();
        var outcomes = new List<SyncOutcome>();
        foreach (var feed in FeedsFor(connection.Marketplace))
        {
            var left = TimeSpan.FromSeconds(Options.SyncNowSeconds) - waited.Elapsed;
            if (left > TimeSpan.Zero)
            {
                outcomes.Add(await RunAsync(connectionId, feed.Name, actor, everyRun: true, left, continued: true, ct));
                continue;
            }
            Continue(connectionId, feed.Name, actor);
            outcomes.Add(new(feed.Name, SyncResult.Synced, 0, 0, $"{feed.Name} is read in the background; the card shows how far it has come.", Unfinished: true));
        }
        return outcomes;
    }

    /// <summary>One feed, as the schedule runs it: the connection history keeps only where the feed turns (<see cref="SyncRun"/>).</summary>
    public Task<SyncOutcome> SyncAsync(Guid connectionId, string feedName, string actor, CancellationToken ct = default) =>
        RunAsync(connectionId, feedName, actor, everyRun: false, TimeSpan.FromSeconds(Options.RunBudgetSeconds), continued: false, ct);

    /// <summary>The background part of a "Sync now": one run within the usual budget, another job after it if the walk goes on.</summary>
    internal Task<SyncOutcome> ContinueAsync(Guid connectionId, string feedName, string actor, CancellationToken ct) =>
        RunAsync(connectionId, feedName, actor, everyRun: true, TimeSpan.FromSeconds(Options.RunBudgetSeconds), continued: true, ct);

    /// <param name="time">How long the run may read; it then stops after its last committed page (paused).</param>
    /// <param name="continued">A paused run queues a job that goes on at once, rather than leaving the rest to the schedule.</param>
    private async Task<SyncOutcome> RunAsync(Guid connectionId, string feedName, string actor, bool everyRun, TimeSpan time, bool continued, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(time);
        IAsyncDisposable held;
        try
        {
            held = await locks.AcquireAsync("feed", $"{connectionId}:{feedName}", budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new(feedName, SyncResult.Synced, 0, 0, $"{feedName} is being read by another run; the card shows how far it has come.");
        }
        await using (held)
        {
            var outcome = await RunHeldAsync(connectionId, feedName, actor, everyRun, continued, budget, ct);
            if (outcome.Unfinished && continued) Continue(connectionId, feedName, actor);
            return outcome;
        }
    }

    private void Continue(Guid connectionId, string feedName, string actor) =>
        jobs.Enqueue<ContinueSyncJob>(j => j.RunAsync(connectionId, feedName, actor, CancellationToken.None));

    private async Task<SyncOutcome> RunHeldAsync(Guid connectionId, string feedName, string actor, bool everyRun, bool continued, CancellationTokenSource budget, CancellationToken ct)
    {
        var connection = await store.FindAsync(connectionId, ct);
        if (connection is null) return new(feedName, SyncResult.Skipped, 0, 0, "The connection no longer exists.");
        var feed = FeedsFor(connection.Marketplace).SingleOrDefault(f => f.Name == feedName);
        if (feed is null) return new(feedName, SyncResult.Skipped, 0, 0, $"There is no {feedName} feed for {connection.Marketplace}.");
        if (connection.State != ConnectionState.Connected)
            return new(feedName, SyncResult.Skipped, 0, 0, $"Not synced: {connection.DisplayName} needs to be connected again.");

        var run = new SyncRun(audit, connection, feedName, actor, everyRun);
        PageWalk? walk = null;
        try
        {
            var cursor = await StartAsync(connection.Id, feedName, ct);
            var target = await targets.ResolveAsync(connection.Marketplace, connection.Environment, connection.AccountParameter, ct);
            var context = new FeedContext(connection, target, Options.PageSize(feed), http.Create(), store, refresher, clock, actor);
            var windowFrom = cursor.WindowFrom!.Value;
            run.Since = windowFrom;
            run.Zone = await timeZone.CurrentAsync(ct);
            walk = new PageWalk(connection.DisplayName, cursor.PagesInWindow, Options.MaxPagesPerWindow);
            walk.Resume(cursor.PageToken);
            var page = await FetchAsync(feed, context, windowFrom, cursor.PageToken, budget.Token);
            while (true)
            {
                var before = run.Items;
                run.Read(page);
                if (page.NextPageToken is { } token) walk.Next(token);
                // The next page is read while this one is stored: the marketplace's answer and the database's write
                // overlap. The cursor still moves only with a commit, so a failure on either side loses nothing.
                var next = page.NextPageToken is { } nextToken ? FetchAsync(feed, context, windowFrom, nextToken, budget.Token) : null;
                try
                {
                    await CommitAsync(run, page, ct);
                }
                catch when (next is not null)
                {
                    // The page read ahead is not needed any more; its outcome is observed, not awaited.
                    _ = next.ContinueWith(t => t.Exception, TaskScheduler.Default);
                    throw;
                }
                if (PlannerStatistics.Due(before, run.Items)) await statistics.RefreshAsync(page.Batch.Tables, ct);
                if (next is null) break;
                page = await next;
            }
            LogSynced(logger, feedName, connectionId, actor, run.Items, run.Pages);
            return run.Synced();
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            LogPaused(logger, feedName, connectionId, actor, run.Items, run.Pages);
            return run.Paused(continued);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var known = e is MarketplaceException or InvalidAccountParameterException;
            // Only those messages are known to be free of secrets, and the card and the history show what is stored here.
            var error = known ? e.Message : "an unexpected error; see the log";
            await RecordFailureAsync(run, error, restartWindow: walk?.Broken == true);
            if (known) LogFailed(logger, feedName, connectionId, actor, e.Message);
            else LogCrashed(logger, feedName, connectionId, actor, e);
            return run.Failed(error);
        }
    }

    /// <summary>
    /// A feed's read of one page. What a marketplace sends is parsed there; an answer that does not parse (a number, date,
    /// link or shape the feed cannot read) is the marketplace's error, named in words, not a crash of the run's caller.
    /// </summary>
    private static async Task<FeedPage> FetchAsync(IFeed feed, FeedContext context, DateTimeOffset windowFrom, string? token, CancellationToken ct)
    {
        try
        {
            return await feed.FetchAsync(context, windowFrom, token, ct);
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException
                                      or OverflowException or ArgumentException and not ArgumentNullException)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                $"{context.Connection.DisplayName} sent an answer that could not be read: {e.Message}");
        }
    }

    /// <summary>Opens a window unless one was left open by a run that stopped half-way, which is then resumed.</summary>
    private async Task<FeedCursor> StartAsync(Guid connectionId, string feedName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursor = await db.Set<FeedCursor>().SingleOrDefaultAsync(c => c.ConnectionId == connectionId && c.Feed == feedName, ct)
                     ?? db.Set<FeedCursor>().Add(new FeedCursor { ConnectionId = connectionId, Feed = feedName }).Entity;
        // A half-read window that keeps failing is read again from the watermark: its page token may be what fails.
        if (cursor.WindowFrom is not null && cursor.PageToken is not null && cursor.ConsecutiveFailures >= Options.RestartWindowAfterFailures)
            cursor.WindowFrom = null;
        if (cursor.WindowFrom is null)
        {
            cursor.WindowFrom = cursor.Watermark is { } watermark
                ? watermark - TimeSpan.FromMinutes(Options.OverlapMinutes)
                : now - TimeSpan.FromDays(Options.InitialLookbackDays);
            cursor.WindowStartedAt = now;
            cursor.PageToken = null;
            cursor.PagesInWindow = 0;
            cursor.ItemsInWindow = 0;
        }
        cursor.LastAttemptAt = now;
        await db.SaveChangesAsync(ct);
        return cursor;
    }

    private async Task CommitAsync(SyncRun run, FeedPage page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await page.Batch.SaveAsync(db, run.Connection, now, ct);
        var cursors = db.Set<FeedCursor>().Where(c => c.ConnectionId == run.Connection.Id && c.Feed == run.Feed);
        if (page.NextPageToken is { } token)
        {
            // A page within the window only moves the position: one statement, no read first (a first sync commits
            // hundreds of pages, and each round trip is on its critical path).
            var moved = await cursors.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.PageToken, token)
                .SetProperty(c => c.PagesInWindow, c => c.PagesInWindow + 1)
                .SetProperty(c => c.ItemsInWindow, c => c.ItemsInWindow + page.Batch.Count), ct);
            if (moved != 1) throw new InvalidOperationException($"The {run.Feed} cursor of connection {run.Connection.Id} is gone.");
        }
        else
        {
            var cursor = await cursors.SingleAsync(ct);
            if (tallies.SingleOrDefault(t => t.Feed == run.Feed) is { } tally)
                run.Held = await tally.CountAsync(db, run.Connection.Id, ct);
            run.RecordSynced(db, cursor.ConsecutiveFailures);
            cursor.Watermark = cursor.WindowStartedAt;
            cursor.WindowFrom = null;
            cursor.WindowStartedAt = null;
            cursor.PageToken = null;
            cursor.PagesInWindow = 0;
            cursor.ItemsInWindow = 0;
            cursor.LastSuccessAt = now;
            cursor.LastError = null;
            cursor.ConsecutiveFailures = 0;
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (page.NextPageToken is null) changes.Changed();
        if (page.Batch.Count > 0) committedPages.Changed();
    }

    /// <summary>
    /// Read, then written: the run's lock keeps every other run off this cursor meanwhile. A broken walk gives up its
    /// window, so that the next run starts again from the watermark rather than from the token that broke it.
    /// </summary>
    private async Task RecordFailureAsync(SyncRun run, string error, bool restartWindow)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var cursor = await db.Set<FeedCursor>().SingleOrDefaultAsync(c => c.ConnectionId == run.Connection.Id && c.Feed == run.Feed, CancellationToken.None);
        if (cursor is null) return;
        run.RecordFailed(db, cursor.ConsecutiveFailures, error);
        cursor.LastFailedAt = clock.GetUtcNow();
        cursor.LastError = error;
        cursor.ConsecutiveFailures++;
        if (restartWindow) cursor.WindowFrom = null;
        await db.SaveChangesAsync(CancellationToken.None);
        changes.Changed();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Feed} of connection {ConnectionId} for {Actor}: {Items} records in {Pages} pages")]
    private static partial void LogSynced(ILogger logger, string feed, Guid connectionId, string actor, int items, int pages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Feed} of connection {ConnectionId} for {Actor} up to its time budget: {Items} records in {Pages} pages; the next run goes on")]
    private static partial void LogPaused(ILogger logger, string feed, Guid connectionId, string actor, int items, int pages);

    [LoggerMessage(Level = LogLevel.Error, Message = "Syncing {Feed} of connection {ConnectionId} for {Actor} failed unexpectedly")]
    private static partial void LogCrashed(ILogger logger, string feed, Guid connectionId, string actor, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing {Feed} of connection {ConnectionId} for {Actor} failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string feed, Guid connectionId, string actor, string message);
}
