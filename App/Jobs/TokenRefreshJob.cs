using Hangfire;

namespace Marketplaces.Jobs;

/// <summary>The recurring job that keeps every access token fresh; each minute, once across instances.</summary>
// No Hangfire retries: the refresh engine has its own backoff per connection, and a retried sweep would call
// marketplaces again outside it. The next minute's run picks up whatever this one left.
[AutomaticRetry(Attempts = 0)]
public sealed class TokenRefreshJob(TokenRefreshSweep sweep)
{
    public const string Id = "token-refresh";

    /// <returns>What the dashboard shows as the run's result.</returns>
    public async Task<string> RunAsync(CancellationToken ct)
    {
        var result = await sweep.RunAsync(ct);
        if (result.Failed > 0 && result.Refreshed == 0 && result.Due > 0)
            throw new InvalidOperationException($"All {result.Failed} due refreshes failed");
        return $"{result.Due} due, {result.Refreshed} refreshed, {result.Failed} failed";
    }
}
