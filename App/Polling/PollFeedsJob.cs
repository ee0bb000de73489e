using Hangfire;

namespace Marketplaces.Polling;

/// <summary>The recurring job that runs every due feed of every connection; each minute, once across instances.</summary>
// No Hangfire retries: the feed engine keeps each marketplace's backoff and Retry-After, and a retried sweep would
// call marketplaces again outside them. The next minute's run picks up whatever this one left.
[AutomaticRetry(Attempts = 0)]
public sealed class PollFeedsJob(FeedSweep sweep)
{
    public const string Id = "poll-feeds";

    /// <returns>What the dashboard shows as the run's result.</returns>
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var result = await sweep.RunAsync(ct);
        if (result.Failed > 0 && result.Synced == 0)
            throw new InvalidOperationException($"All {result.Failed} due feeds failed; their cards show why");
        return $"{result.Due} due, {result.Synced} synced, {result.Failed} failed";
    }
}
