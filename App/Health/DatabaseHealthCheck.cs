using Marketplaces.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Marketplaces.Health;

public sealed class DatabaseHealthCheck(DatabaseConnection database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
            var migrations = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{database.Provider}, {migrations} migrations applied");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The provider's message names host and port at most, never the password.
            return HealthCheckResult.Unhealthy($"database unreachable: {e.GetType().Name}");
        }
    }
}
