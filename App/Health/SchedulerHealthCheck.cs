using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Marketplaces.Health;

public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var meta = await scheduler.GetMetadata(cancellationToken);
        var description = $"scheduler {meta.Status}, instance {meta.SchedulerInstanceId}, clustered: {meta.JobStoreClustered}";
        return meta.Status == SchedulerStatus.Running ? HealthCheckResult.Healthy(description) : HealthCheckResult.Unhealthy(description);
    }
}
