using Hangfire;

namespace Marketplaces.Polling;

/// <summary>The rest of a "Sync now" walk that did not end while the seller waited: run after run, each within its budget.</summary>
// No Hangfire retries, as for the sweep: the engine keeps each marketplace's backoff, and a failed run is the card's to show.
[AutomaticRetry(Attempts = 0)]
public sealed class ContinueSyncJob(FeedEngine engine)
{
    /// <returns>What the dashboard shows as the run's result.</returns>
    public async Task<string> RunAsync(Guid connectionId, string feed, string actor, CancellationToken ct)
    {
        var outcome = await engine.ContinueAsync(connectionId, feed, actor, ct);
        return outcome.Result == SyncResult.Failed ? throw new InvalidOperationException(outcome.Message) : outcome.Message;
    }
}
