using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Settings;

namespace Marketplaces.Polling;

/// <summary>
/// One run of one feed of one connection: what it has read, its outcome, and what it leaves in the connection's
/// history. The engine adds the history line to the unit of work that moves the feed's cursor, so the history and the
/// card never disagree. A run someone asked for ("Sync now") leaves a line whatever happens. The schedule runs every
/// few minutes and the Jobs page keeps its runs of the last day, so a scheduled run leaves one only where the feed turns: the
/// first failure of a streak, and the first success after one.
/// </summary>
internal sealed class SyncRun(ConnectionAudit audit, Connection connection, string feed, string actor, bool everyRun)
{
    public Connection Connection => connection;
    public string Feed => feed;
    public int Pages { get; private set; }
    public int Items { get; private set; }

    /// <summary>Where the window this run reads begins: what it reads changed at or after it.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>The shop's time zone, in which the message names <see cref="Since"/>.</summary>
    public ShopZone Zone { get; set; } = ShopZone.Utc;

    /// <summary>How many records the app holds for the connection once the window is read (null: the feed has no tally).</summary>
    public int? Held { get; set; }

    public void Read(FeedPage page)
    {
        Pages++;
        Items += page.Batch.Count;
    }

    public SyncOutcome Synced() => new(feed, SyncResult.Synced, Pages, Items, $"Synced {feed}: {ReadSoFar}{HeldNow}.");

    /// <summary>The run used its time budget; the window stays open and the next run goes on from the cursor.</summary>
    /// <param name="continued">A background job goes on at once, rather than the schedule's next run.</param>
    public SyncOutcome Paused(bool continued) => new(feed, SyncResult.Synced, Pages, Items,
        $"Synced {feed}: {ReadSoFar} so far; {(continued ? "the rest is read in the background, as the card shows" : "the rest follows on the next run")}.",
        Unfinished: true);

    /// <param name="error">Secret-free, as a <see cref="MarketplaceException"/>'s message is.</param>
    public SyncOutcome Failed(string error) => new(feed, SyncResult.Failed, Pages, Items, $"Syncing {feed} failed: {error}");

    /// <summary>The run completed its window; <paramref name="failuresBefore"/> is the streak it ends.</summary>
    public void RecordSynced(AppDbContext db, int failuresBefore)
    {
        if (everyRun) Record(db, true, Synced().Message);
        else if (failuresBefore > 0)
            Record(db, true, $"Syncing {feed} works again after {failuresBefore} failed run{(failuresBefore == 1 ? "" : "s")}: {ReadSoFar}{HeldNow}.");
    }

    /// <summary>The run failed; <paramref name="failuresBefore"/> is the streak it extends.</summary>
    public void RecordFailed(AppDbContext db, int failuresBefore, string error)
    {
        if (everyRun || failuresBefore == 0) Record(db, false, Failed(error).Message);
    }

    private string ReadSoFar => Items == 0
        ? $"no new or changed {feed}{SinceText}"
        : $"{Items} new or changed{SinceText} ({Pages} page{(Pages == 1 ? "" : "s")})";

    private string SinceText => Since is { } since ? $" since {Zone.Format(since)}" : "";

    private string HeldNow => Held is { } held ? $"; {held} held for this connection" : "";

    private void Record(AppDbContext db, bool succeeded, string message) =>
        audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor,
            ConnectionAction.Sync, succeeded, message);
}
