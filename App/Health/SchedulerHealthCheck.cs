using Hangfire;
using Marketplaces.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplaces.Health;

/// <summary>Healthy while this instance's Hangfire server is registered in the job storage with a recent heartbeat.</summary>
public sealed class SchedulerHealthCheck(JobStorage storage, JobsServer server, TimeProvider clock) : IHealthCheck
{
    /// <summary>Hangfire beats every 30 seconds by default; two missed beats mean the server is stuck or gone.</summary>
    private static readonly TimeSpan MaxSilence = TimeSpan.FromSeconds(75);

    /// <summary>How long after start a server not yet in storage is "starting" (a warning), not "not running" (an error).</summary>
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(30);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers();
            var own = servers.FirstOrDefault(s => server.Is(s.Name));
            if (own?.Heartbeat is not { } heartbeat)
                return Task.FromResult(clock.GetUtcNow() - server.NamedAt < StartGrace
                    ? HealthCheckResult.Degraded($"server {server.Name} starting; {servers.Count} server(s) in storage")
                    : HealthCheckResult.Unhealthy($"server {server.Name} not running; {servers.Count} server(s) in storage"));
            var silence = clock.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(heartbeat, DateTimeKind.Utc);
            var description = $"server {server.Name}, {own.WorkersCount} workers, heartbeat {silence.TotalSeconds:0} s ago, {servers.Count} server(s) in storage";
            return Task.FromResult(silence <= MaxSilence ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The storage's message may name the database host; the type is enough here and never carries a secret.
            return Task.FromResult(HealthCheckResult.Unhealthy($"job storage unreachable: {e.GetType().Name}"));
        }
    }
}
