namespace Marketplaces.Polling;

/// <summary>Settings under <c>Polling</c>: per feed <c>Polling:Feeds:{name}:IntervalMinutes</c> and <c>PageSize</c>.</summary>
public sealed class PollingOptions
{
    /// <summary>How far before the watermark each window starts again, for late updates and clock skew.</summary>
    public int OverlapMinutes { get; set; } = 10;

    /// <summary>How far back the first sync of a new connection reads.</summary>
    public int InitialLookbackDays { get; set; } = 90;

    /// <summary>
    /// How long one run may walk pages: it then stops after its last committed page and the next run resumes from the
    /// cursor, so no walk holds "Sync now" or the schedule's turn for ever (a marketplace can send a next page every time).
    /// </summary>
    public int RunBudgetSeconds { get; set; } = 60;

    /// <summary>
    /// How long "Sync now" reads before it answers the seller: a walk not finished by then goes on in the background
    /// (a job per feed, each run within <see cref="RunBudgetSeconds"/>) and the card shows how far it has come.
    /// </summary>
    public int SyncNowSeconds { get; set; } = 10;

    /// <summary>How many feed runs the schedule's sweep runs at once.</summary>
    public int ConcurrentRuns { get; set; } = 4;

    /// <summary>Pages one window may take before it is given up as endless and read again from the watermark.</summary>
    public int MaxPagesPerWindow { get; set; } = 10_000;

    /// <summary>Failed runs in a row on a half-read window after which the window starts again from the watermark.</summary>
    public int RestartWindowAfterFailures { get; set; } = 3;

    public Dictionary<string, FeedOptions> Feeds { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Interval(IFeed feed) =>
        Feeds.GetValueOrDefault(feed.Name)?.IntervalMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : feed.DefaultInterval;

    public int PageSize(IFeed feed) => Feeds.GetValueOrDefault(feed.Name)?.PageSize ?? 100;
}

public sealed class FeedOptions
{
    public double? IntervalMinutes { get; set; }
    public int? PageSize { get; set; }
}
