using Quartz;

namespace Marketplaces.Polling;

/// <summary>The system job that runs every due feed of every connection; each minute, once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class PollFeedsJob(FeedSweep sweep) : IJob
{
    public static readonly JobKey Key = new("poll-feeds", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var result = await sweep.RunAsync(ct);
        context.Result = $"{result.Due} due, {result.Synced} synced, {result.Failed} failed";
        if (result.Failed > 0 && result.Synced == 0)
            throw new JobExecutionException($"All {result.Failed} due feeds failed; their cards show why");
    }

    /// <summary>
    /// Every minute; after downtime the missed firings collapse into one run at once (the sweep then picks what is due).
    /// </summary>
    public static void Schedule(IQuartzBuilder quartz) =>
        quartz.ScheduleJob<PollFeedsJob>(trigger => trigger
                .WithIdentity("poll-feeds", "system")
                .WithDescription("Polls orders and other feeds of every connection")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)),
            job => job.WithIdentity(Key).WithDescription("Feed polling"));
}
