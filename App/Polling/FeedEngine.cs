using Marketplaces.Connections;
using Marketplaces.Hosting;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplaces.Polling;

/// <summary>
/// Runs one feed of one connection: the scheduled sweep and "Sync now" both come here. One run per (connection,
/// feed) at a time, across app instances too: the run holds a PostgreSQL advisory lock for its whole duration.
/// Each page's rows are committed together with the cursor's next-page position, and the watermark moves only when
/// the window's last page is committed; so a run killed between pages resumes where it stopped and loses nothing,
/// and re-reading is harmless because stores are idempotent.
/// </summary>
public sealed partial class FeedEngine(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IFeed> feeds, IOptions<PollingOptions> options, MarketplaceTargets targets,
    ConnectionStore store, TokenRefresher refresher, IHttpClientFactory http, TimeProvider clock, Notifier<Connection> changes, Notifier<FeedPage> committedPages,
    ILogger<FeedEngine> logger)
{
    private const int LockNamespace = 0x46454544; // "FEED"
    private readonly IReadOnlyList<IFeed> _feeds = feeds.ToList();

    public PollingOptions Options => options.Value;

    public IReadOnlyList<IFeed> FeedsFor(string marketplace) =>
        _feeds.Where(f => f.MarketplaceId.Equals(marketplace, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Every feed of the connection, one after the other ("Sync now").</summary>
    public async Task<IReadOnlyList<SyncOutcome>> SyncConnectionAsync(Guid connectionId, string actor, CancellationToken ct = default)
    {
        var connection = await store.FindAsync(connectionId, ct);
        if (connection is null) return [new SyncOutcome("", SyncResult.Skipped, 0, 0, "The connection no longer exists.")];
        var outcomes = new List<SyncOutcome>();
        foreach (var feed in FeedsFor(connection.Marketplace)) outcomes.Add(await SyncAsync(connectionId, feed.Name, actor, ct));
        return outcomes;
    }

    public async Task<SyncOutcome> SyncAsync(Guid connectionId, string feedName, string actor, CancellationToken ct = default)
    {
        await using var lockDb = await contexts.CreateDbContextAsync(ct);
        await using var lockTx = await lockDb.Database.BeginTransactionAsync(ct);
        await lockDb.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockNamespace}, hashtext({$"{connectionId}:{feedName}"}))", ct);

        var connection = await lockDb.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null) return new(feedName, SyncResult.Skipped, 0, 0, "The connection no longer exists.");
        var feed = FeedsFor(connection.Marketplace).SingleOrDefault(f => f.Name == feedName);
        if (feed is null) return new(feedName, SyncResult.Skipped, 0, 0, $"There is no {feedName} feed for {connection.Marketplace}.");
        if (connection.State != ConnectionState.Connected)
            return new(feedName, SyncResult.Skipped, 0, 0, $"Not synced: {connection.DisplayName} needs to be connected again.");

        int pages = 0, items = 0;
        try
        {
            var cursor = await StartAsync(connection.Id, feedName, ct);
            var target = await targets.ResolveAsync(connection.Marketplace, connection.Environment, connection.AccountParameter, ct);
            var context = new FeedContext(connection, target, Options.PageSize(feed), http.Create(), store, refresher, clock, actor);
            do
            {
                var page = await feed.FetchAsync(context, cursor.WindowFrom!.Value, cursor.PageToken, ct);
                cursor = await CommitAsync(connection, feedName, page, ct);
                pages++;
                items += page.Batch.Count;
            }
            while (cursor.PageToken is not null);
            LogSynced(logger, feedName, connectionId, actor, items, pages);
            return new(feedName, SyncResult.Synced, pages, items, $"Synced {feedName}: {items} read in {pages} page{(pages == 1 ? "" : "s")}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordFailureAsync(connectionId, feedName, e.Message);
            LogFailed(logger, feedName, connectionId, actor, e.Message);
            if (e is MarketplaceException or InvalidAccountParameterException)
                return new(feedName, SyncResult.Failed, pages, items, $"Syncing {feedName} failed: {e.Message}");
            throw;
        }
    }

    /// <summary>Opens a window unless one was left open by a run that stopped half-way, which is then resumed.</summary>
    private async Task<FeedCursor> StartAsync(Guid connectionId, string feedName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cursor = await db.Set<FeedCursor>().SingleOrDefaultAsync(c => c.ConnectionId == connectionId && c.Feed == feedName, ct)
                     ?? db.Set<FeedCursor>().Add(new FeedCursor { ConnectionId = connectionId, Feed = feedName }).Entity;
        if (cursor.WindowFrom is null)
        {
            cursor.WindowFrom = cursor.Watermark is { } watermark
                ? watermark - TimeSpan.FromMinutes(Options.OverlapMinutes)
                : now - TimeSpan.FromDays(Options.InitialLookbackDays);
            cursor.WindowStartedAt = now;
            cursor.PageToken = null;
            cursor.PagesInWindow = 0;
        }
        cursor.LastAttemptAt = now;
        await db.SaveChangesAsync(ct);
        return cursor;
    }

    private async Task<FeedCursor> CommitAsync(Connection connection, string feedName, FeedPage page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await page.Batch.SaveAsync(db, connection, now, ct);
        var cursor = await db.Set<FeedCursor>().SingleAsync(c => c.ConnectionId == connection.Id && c.Feed == feedName, ct);
        cursor.PageToken = page.NextPageToken;
        cursor.PagesInWindow++;
        if (page.NextPageToken is null)
        {
            cursor.Watermark = cursor.WindowStartedAt;
            cursor.WindowFrom = null;
            cursor.WindowStartedAt = null;
            cursor.PagesInWindow = 0;
            cursor.LastSuccessAt = now;
            cursor.LastError = null;
            cursor.ConsecutiveFailures = 0;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (page.NextPageToken is null) changes.Changed();
        if (page.Batch.Count > 0) committedPages.Changed();
        return cursor;
    }

    private async Task RecordFailureAsync(Guid connectionId, string feedName, string message)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.Set<FeedCursor>().Where(c => c.ConnectionId == connectionId && c.Feed == feedName).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LastFailedAt, clock.GetUtcNow())
            .SetProperty(c => c.LastError, message)
            .SetProperty(c => c.ConsecutiveFailures, c => c.ConsecutiveFailures + 1), CancellationToken.None);
        changes.Changed();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Feed} of connection {ConnectionId} for {Actor}: {Items} records in {Pages} pages")]
    private static partial void LogSynced(ILogger logger, string feed, Guid connectionId, string actor, int items, int pages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Syncing {Feed} of connection {ConnectionId} for {Actor} failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string feed, Guid connectionId, string actor, string message);
}
