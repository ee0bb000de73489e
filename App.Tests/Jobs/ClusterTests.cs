using Marketplaces.Database;
using Marketplaces.Jobs;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Marketplaces.Tests.Jobs;

/// <summary>Two app instances on one database form one Quartz cluster: a job fires once, on one of them.</summary>
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_instances_on_one_database_run_a_scheduled_job_once()
    {
        await using var first = new AppFactory();
        await first.InitializeAsync();
        await using var second = new AppFactory().Reusing(first);
        await second.InitializeAsync();
        var schedulerA = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await WaitUntilAsync(async () => (await schedulerA.QueryClusterNodes(default)).Count == 2, "both nodes check in");
        Assert.NotEqual(schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId);

        var trigger = TriggerBuilder.Create().WithIdentity($"once-{Guid.NewGuid():N}", "test").ForJob(TokenRefreshJob.Key)
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(2)).Build();
        await schedulerA.ScheduleJob(trigger, new ScheduleJobOptions(), default);

        var contexts = first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        async Task<List<JobRun>> RunsAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Set<JobRun>().Where(r => r.TriggerName == trigger.Key.ToString()).ToListAsync();
        }
        await WaitUntilAsync(async () => (await RunsAsync()).Count > 0, "the one-off trigger fires");
        await Task.Delay(TimeSpan.FromSeconds(5));
        var run = Assert.Single(await RunsAsync());
        Assert.Contains(run.InstanceId, new[] { schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId });
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}");
            await Task.Delay(250);
        }
    }
}
