using Hangfire;
using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Marketplaces.Inventory;
using Marketplaces.Messages;
using Marketplaces.Polling;
using Marketplaces.Products;
using Marketplaces.Webhooks;

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
        // Missed minutes (app down) are skipped: the next minute's sweep finds every token that is due.
        jobs.AddOrUpdate<TokenRefreshJob>(TokenRefreshJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        // After downtime the missed minutes collapse into one run at once (the sweep then picks what is due).
        jobs.AddOrUpdate<PollFeedsJob>(PollFeedsJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Relaxed });
        jobs.AddOrUpdate<StockSweepJob>(StockSweepJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        jobs.AddOrUpdate<StockDriftJob>(StockDriftJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Relaxed });
        // A processing run lost with a crash (or one a delivery did not queue) is caught up within a minute.
        jobs.AddOrUpdate<ProcessWebhooksJob>(ProcessWebhooksJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        jobs.AddOrUpdate<CheckWebhooksJob>(CheckWebhooksJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Relaxed });
        jobs.AddOrUpdate<PollMessagesJob>(PollMessagesJob.Id, j => j.RunAsync(CancellationToken.None), "*/5 * * * *",
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        jobs.AddOrUpdate<SupplierOrdersJob>(SupplierOrdersJob.Id, j => j.RunAsync(CancellationToken.None), "*/5 * * * *",
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        jobs.AddOrUpdate<SupplierSyncJob>(SupplierSyncJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Hourly(),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Relaxed });
        jobs.AddOrUpdate<ProductImageSweep>(ProductImageSweep.Id, j => j.RunAsync(CancellationToken.None), Cron.Daily(4),
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Relaxed });
    }
}
