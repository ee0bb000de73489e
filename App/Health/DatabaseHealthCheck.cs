using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplaces.Health;

public sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contexts, DatabaseConnection database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count();
            return HealthCheckResult.Healthy($"{database.Provider}, {applied} migrations applied");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            // Only the exception's type: a provider's message can name the server.
            return HealthCheckResult.Unhealthy($"database unreachable: {e.GetType().Name}");
        }
    }
}
