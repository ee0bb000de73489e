using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Marketplaces.Jobs;

public sealed record JobRow(
    JobKey Key, TriggerKey TriggerKey, string Description, string Schedule, DateTimeOffset? NextRun, DateTimeOffset? LastRun,
    bool? LastSucceeded, int? LastDurationMs, bool Running, bool Paused, long? LastFailedRunId);

public sealed record HourBucket(DateTimeOffset Hour, int Succeeded, int Failed)
{
    public string Label => Hour.ToString("HH:00");
}

public sealed record NodeRow(string InstanceId, DateTimeOffset? LastCheckIn, string State, bool IsThisNode);

public sealed record JobsSnapshot(
    IReadOnlyList<JobRow> Jobs, int Succeeded24h, int Failed24h, IReadOnlyList<HourBucket> Hours, IReadOnlyList<NodeRow> Nodes);

/// <summary>Reads what the jobs page shows from the scheduler's API and the recorded runs; performs its actions.</summary>
public sealed class JobsOverview(ISchedulerFactory schedulers, IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<JobsSnapshot> LoadAsync(CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var triggers = (await scheduler.QueryTriggers(new TriggerQuery(), ct)).Items;
        var details = await scheduler.GetTriggers(triggers.Select(t => t.Key).ToList(), ct);
        var running = (await scheduler.QueryFireInstances(new FireInstanceQuery(), ct)).Items
            .Where(f => f.State == FireInstanceState.Executing).Select(f => f.JobKey).ToHashSet();
        var since = clock.GetUtcNow().AddHours(-24);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var runs = db.Set<JobRun>().AsNoTracking();
        var lastRuns = await runs.GroupBy(r => new { r.JobGroup, r.JobName })
            .Select(g => g.OrderByDescending(r => r.Id).First()).ToListAsync(ct);
        var recent = await runs.Where(r => r.StartedAt >= since).Select(r => new { r.StartedAt, r.Succeeded }).ToListAsync(ct);

        var jobs = triggers.Select(t =>
        {
            var last = lastRuns.FirstOrDefault(r => r.JobGroup == t.JobKey.Group && r.JobName == t.JobKey.Name);
            var trigger = details.FirstOrDefault(d => d.Key.Equals(t.Key));
            return new JobRow(t.JobKey, t.Key, t.Description ?? t.JobKey.Name, Describe(trigger), t.NextFireTimeUtc,
                last?.StartedAt ?? t.PreviousFireTimeUtc, last?.Succeeded, last?.DurationMs, running.Contains(t.JobKey),
                t.State == TriggerState.Paused, last is { Succeeded: false } ? last.Id : null);
        }).OrderBy(j => j.Key.Group).ThenBy(j => j.Key.Name).ToList();

        var firstHour = new DateTimeOffset(since.Year, since.Month, since.Day, since.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        var hours = Enumerable.Range(0, 24).Select(i => firstHour.AddHours(i)).Select(h => new HourBucket(h,
            recent.Count(r => r.Succeeded && r.StartedAt >= h.AddHours(-1) && r.StartedAt < h),
            recent.Count(r => !r.Succeeded && r.StartedAt >= h.AddHours(-1) && r.StartedAt < h))).ToList();

        var nodes = (await scheduler.QueryClusterNodes(ct))
            .Select(n => new NodeRow(n.InstanceId, n.LastCheckInUtc, n.State.ToString(), n.IsCurrentNode)).ToList();
        return new JobsSnapshot(jobs, recent.Count(r => r.Succeeded), recent.Count(r => !r.Succeeded), hours, nodes);
    }

    public async Task<IReadOnlyList<JobRun>> HistoryAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<JobRun>().AsNoTracking().OrderByDescending(r => r.Id).Skip(skip).Take(take).ToListAsync(ct);
    }

    public async Task<int> HistoryCountAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<JobRun>().CountAsync(ct);
    }

    public async Task TriggerNowAsync(JobKey job, CancellationToken ct = default) =>
        await (await schedulers.GetScheduler(ct)).TriggerJob(job, new JobDataMap(), ct);

    public async Task SetPausedAsync(TriggerKey trigger, bool paused, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        if (paused) await scheduler.PauseTrigger(trigger, ct);
        else await scheduler.ResumeTrigger(trigger, ct);
    }

    private static string Describe(ITrigger? trigger) => trigger switch
    {
        ISimpleTrigger simple => $"every {Interval(simple.RepeatInterval)}",
        ICronTrigger cron => $"cron {cron.CronExpressionString}",
        null => "",
        _ => trigger.GetType().Name,
    };

    private static string Interval(TimeSpan interval) =>
        interval.TotalHours >= 1 && interval.TotalHours % 1 == 0 ? $"{interval.TotalHours:0} h"
        : interval.TotalMinutes >= 1 && interval.TotalMinutes % 1 == 0 ? $"{interval.TotalMinutes:0} min"
        : $"{interval.TotalSeconds:0} s";
}
