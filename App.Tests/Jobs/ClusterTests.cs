using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Server;
using Marketplaces.Jobs;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Jobs;

/// <summary>Two app instances on one PostgreSQL database share Hangfire's storage: a recurring job runs once per slot, on one of them.</summary>
[Collection(nameof(ClusterTests))]
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_instances_on_one_database_run_each_slot_of_a_recurring_job_once()
    {
        await using var first = new AppFactory().OnPostgreSql();
        await first.InitializeAsync();
        await using var second = new AppFactory().Reusing(first);
        await second.InitializeAsync();
        var servers = new[] { first, second }.Select(a => a.Services.GetRequiredService<JobsServer>()).ToList();
        var monitoring = first.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await WaitUntilAsync(() => servers.All(s => monitoring.Servers().Any(d => s.Is(d.Name))), "both servers check in");

        var id = $"slots-{Guid.NewGuid():N}";
        first.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<SlotRecorder>(id, r => r.Record(id, null!), "*/3 * * * * *");
        // Slots are seen when a scheduler polls, which a loaded machine delays: wait for three runs, or 45 s at most.
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (SlotRecorder.Runs.Count(r => r.RecurringJobId == id) < 3 && DateTime.UtcNow < deadline) await Task.Delay(500);
        first.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(id);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var runs = SlotRecorder.Runs.Where(r => r.RecurringJobId == id).ToList();
        Assert.True(runs.Count >= 2, $"{runs.Count} runs of a job every 3 s within 45 s");
        Assert.Equal(runs.Count, runs.Select(r => r.Slot).Distinct().Count());
        Assert.All(runs, r => Assert.Contains(r.Server, servers.Select(s => s.Name)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(40);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}");
            await Task.Delay(250);
        }
    }
}

/// <summary>A job that notes which slot of its recurring schedule it ran for, and in which instance (its DI container's).</summary>
public sealed class SlotRecorder(JobsServer server)
{
    public static ConcurrentBag<(string RecurringJobId, long Slot, string Server)> Runs { get; } = [];

    public void Record(string recurringJobId, PerformContext context) =>
        Runs.Add((recurringJobId, context.GetJobParameter<long>("Time"), server.Name));
}

/// <summary>Alone, after the parallel classes: how often a recurring slot fires depends on the schedulers polling on time,
/// which the rest of the suite running beside it delayed (seen: one run in 15 s).</summary>
[CollectionDefinition(nameof(ClusterTests), DisableParallelization = true)]
public sealed class ClusterTestsRunAlone;
