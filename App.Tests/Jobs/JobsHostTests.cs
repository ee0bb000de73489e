using System.Diagnostics;
using Hangfire;
using Marketplaces.Database;
using Marketplaces.Health;
using Marketplaces.Hosting;
using Marketplaces.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Marketplaces.Tests.Jobs;

/// <summary>The jobs feature alone in a host, on the SQLite storage (no database server needed).</summary>
public sealed class JobsHostTests
{
    private static IHost SqliteHost()
    {
        var builder = Host.CreateApplicationBuilder();
        var paths = new AppPaths(Path.Combine(Path.GetTempPath(), $"marketplaces-jobs-{Guid.NewGuid():N}"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(paths);
        var database = new DatabaseConnection(DatabaseProvider.Sqlite, $"Data Source={paths.SqliteDatabase}");
        builder.Services.AddSingleton(database);
        builder.Services.AddJobs(database, paths);
        return builder.Build();
    }

    [Fact]
    public async Task On_sqlite_a_recurring_job_runs_and_the_server_is_healthy()
    {
        using var host = SqliteHost();
        await host.StartAsync();
        var id = $"tick-{Guid.NewGuid():N}";

        host.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Probe>(id, p => p.Tick(id), "* * * * * *");

        await Probe.Ticked(id).WaitAsync(TimeSpan.FromSeconds(15));
        var health = await new SchedulerHealthCheck(host.Services.GetRequiredService<JobStorage>(),
            host.Services.GetRequiredService<JobsServer>(), TimeProvider.System).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.True(File.Exists(host.Services.GetRequiredService<AppPaths>().JobsDatabase));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_server_not_yet_in_storage_is_starting_for_half_a_minute_and_then_not_running()
    {
        using var host = SqliteHost();
        var server = host.Services.GetRequiredService<JobsServer>();
        var storage = host.Services.GetRequiredService<JobStorage>();

        var starting = await new SchedulerHealthCheck(storage, server, TimeProvider.System).CheckHealthAsync(new HealthCheckContext());
        var stuck = await new SchedulerHealthCheck(storage, server with { NamedAt = DateTimeOffset.UtcNow.AddSeconds(-31) }, TimeProvider.System)
            .CheckHealthAsync(new HealthCheckContext());

        Assert.Equal((HealthStatus.Degraded, $"server {server.Name} starting; 0 server(s) in storage"), (starting.Status, starting.Description));
        Assert.Equal(HealthStatus.Unhealthy, stuck.Status);
        Assert.StartsWith($"server {server.Name} not running", stuck.Description);
    }

    [Fact]
    public async Task Stopping_cancels_a_running_job_and_stays_within_the_hosts_bound()
    {
        using var host = SqliteHost();
        await host.StartAsync();
        var id = Guid.NewGuid().ToString("N");
        host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<Probe>(p => p.WaitForStopAsync(id, CancellationToken.None));
        await Probe.Ticked(id).WaitAsync(TimeSpan.FromSeconds(15));

        var watch = Stopwatch.StartNew();
        await host.StopAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {watch.Elapsed}");
        Assert.True(Probe.Cancelled(id).IsCompleted, "the job's token was not cancelled");
    }
}

/// <summary>Jobs that tell the test when they run and when their cancellation token fires.</summary>
public sealed class Probe
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> Signals = new();

    public static Task Ticked(string id) => Signal(id).Task;
    public static Task Cancelled(string id) => Signal(id + ":cancelled").Task;

    public void Tick(string id) => Signal(id).TrySetResult();

    public async Task WaitForStopAsync(string id, CancellationToken ct)
    {
        Signal(id).TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            Signal(id + ":cancelled").TrySetResult();
        }
    }

    private static TaskCompletionSource Signal(string id) => Signals.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
