using Quartz;

namespace Marketplaces.Jobs;

/// <summary>The system job that keeps every access token fresh; runs each minute, once across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class TokenRefreshJob(TokenRefreshSweep sweep) : IJob
{
    public static readonly JobKey Key = new("token-refresh", "system");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct = default)
    {
        var result = await sweep.RunAsync(ct);
        context.Result = $"{result.Due} due, {result.Refreshed} refreshed, {result.Failed} failed";
        if (result.Failed > 0 && result.Refreshed == 0 && result.Due > 0)
            throw new JobExecutionException($"All {result.Failed} due refreshes failed");
    }
}
