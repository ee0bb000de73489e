using Quartz;

namespace Marketplaces.Jobs;

/// <summary>
/// Starts the scheduler once the app has started (pages answer while it joins the cluster) and stops it within a
/// bound: running jobs may finish, but a scheduler that cannot stop (its database gone in the middle of its start, say)
/// does not hold the app's shutdown, and the embedded database after it, hostage.
/// </summary>
public sealed partial class SchedulerHost(ISchedulerFactory factory, IHostApplicationLifetime lifetime, ILogger<SchedulerHost> logger) : IHostedService
{
    public static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);
    private Task<IScheduler?>? _start;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _start = StartSchedulerAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_start is not { } start) return;
        var stop = StopSchedulerAsync(start, cancellationToken);
        if (await Task.WhenAny(stop, Task.Delay(StopBound, cancellationToken)) != stop) LogAbandoned(logger, StopBound.TotalSeconds);
    }

    /// <summary>Fire and forget from ApplicationStarted, so every failure is logged here (the health check reports it).</summary>
    private async Task<IScheduler?> StartSchedulerAsync(CancellationToken stopping)
    {
        IScheduler? scheduler = null;
        try
        {
            scheduler = await factory.GetScheduler(stopping);
            await scheduler.Start(stopping);
        }
        catch (Exception e)
        {
            LogNotStarted(logger, e.Message);
        }
        return scheduler;
    }

    private static async Task StopSchedulerAsync(Task<IScheduler?> start, CancellationToken ct)
    {
        if (await start is { } scheduler) await scheduler.Shutdown(waitForJobsToComplete: true, ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler did not start: {Message}")]
    private static partial void LogNotStarted(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scheduler did not stop within {Seconds} s; shutting down without it")]
    private static partial void LogAbandoned(ILogger logger, double seconds);
}
