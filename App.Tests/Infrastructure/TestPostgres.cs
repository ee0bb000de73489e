using Marketplaces.Database.Embedded;
using Marketplaces.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL cluster for the whole test run, started with the app's own embedded-cluster code in a temporary
/// folder; each test class gets a database of its own in it.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<EmbeddedPostgres>> Cluster = new(StartAsync);

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), $"marketplaces-tests-{Environment.ProcessId}");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var cluster = await Cluster.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        // Test classes run in parallel, each app with its own database and connection pools.
        var cluster = new EmbeddedPostgres(new AppPaths(Path.Combine(Root, "cluster")), new EmbeddedPostgresOptions { MaxConnections = 500 });
        await cluster.StartAsync(NullLogger.Instance, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.StopAsync(NullLogger.Instance).GetAwaiter().GetResult();
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return cluster;
    }
}
