using Hangfire;
using Marketplaces.Database;
using Marketplaces.Polling;

namespace Marketplaces.Jobs;

/// <summary>
/// Prepares Hangfire's storage and declares the recurring sweeps at start-up, before the Hangfire server starts.
/// Declaring is idempotent (by id), so every instance does it and a changed schedule takes effect on the next start.
/// </summary>
public sealed class RecurringJobs(DatabaseConnection database, IRecurringJobManager jobs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await JobsStorage.PrepareAsync(database, cancellationToken);
        Declare(jobs);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Declare(IRecurringJobManager jobs)
    {
        TokenRefreshJob.Declare(jobs);
        PollFeedsJob.Declare(jobs);
    }
}
