using Marketplaces.Database;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Marketplaces.Jobs;

/// <summary>Records every job execution (with the exception and its stack trace) and tells open pages about it.</summary>
public sealed class JobRunRecorder(IDbContextFactory<AppDbContext> contexts, Notifier<JobRun> events) : IJobListener
{
    public string Name => "job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken ct = default)
    {
        events.Changed();
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken ct = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken ct = default)
    {
        var error = jobException?.InnerException ?? jobException;
        await using (var db = await contexts.CreateDbContextAsync(CancellationToken.None))
        {
            db.Set<JobRun>().Add(new JobRun
            {
                JobGroup = context.JobDetail.Key.Group, JobName = context.JobDetail.Key.Name,
                TriggerName = context.Trigger.Key.ToString(), InstanceId = context.Scheduler.SchedulerInstanceId,
                StartedAt = context.FireTimeUtc, DurationMs = (int)context.JobRunTime.TotalMilliseconds,
                Succeeded = error is null, Result = context.Result?.ToString(),
                Error = error?.Message, ErrorDetail = error?.ToString(),
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        events.Changed();
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, Quartz.Extensibility.FireInstanceProgress progress, CancellationToken ct = default) =>
        ValueTask.CompletedTask;
}
