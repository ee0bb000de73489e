namespace Marketplaces.Polling;

/// <summary>Settings under <c>Polling</c>: per feed <c>Polling:Feeds:{name}:IntervalMinutes</c> and <c>PageSize</c>.</summary>
public sealed class PollingOptions
{
    /// <summary>How far before the watermark each window starts again, for late updates and clock skew.</summary>
    public int OverlapMinutes { get; set; } = 10;

    /// <summary>How far back the first sync of a new connection reads.</summary>
    public int InitialLookbackDays { get; set; } = 90;

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
