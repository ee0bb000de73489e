using System.Diagnostics;
using Marketplaces.Database;
using Marketplaces.Database.Embedded;
using Marketplaces.Hosting;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marketplaces.Tests.Database;

public sealed class EmbeddedPostgresTests
{
    private static string NewDataDirectory() => Path.Combine(TestPostgres.Root, "embedded", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task First_start_creates_the_cluster_and_second_start_reuses_it()
    {
        var paths = new AppPaths(NewDataDirectory());
        var first = new EmbeddedPostgres(paths, new EmbeddedPostgresOptions());
        Assert.False(first.IsInitialized);
        await first.StartAsync(NullLogger.Instance, CancellationToken.None);
        Assert.True(first.IsInitialized);
        await Execute(first.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
        await first.StopAsync(NullLogger.Instance);
        Assert.False(File.Exists(Path.Combine(paths.Postgres, "postmaster.pid")));

        var second = new EmbeddedPostgres(paths, new EmbeddedPostgresOptions());
        Assert.True(second.IsInitialized);
        await second.StartAsync(NullLogger.Instance, CancellationToken.None);
        Assert.Equal(42, await Scalar<int>(second.ConnectionString, "SELECT id FROM kept"));
        await second.StopAsync(NullLogger.Instance);
    }

    [Fact]
    public async Task The_cluster_listens_on_loopback_only_with_a_password_kept_owner_only()
    {
        var paths = new AppPaths(NewDataDirectory());
        var cluster = new EmbeddedPostgres(paths, new EmbeddedPostgresOptions());
        await cluster.StartAsync(NullLogger.Instance, CancellationToken.None);
        try
        {
            Assert.Equal("127.0.0.1", await Scalar<string>(cluster.ConnectionString, "SHOW listen_addresses"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(paths.PostgresPasswordFile));
            var wrongPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Password = "wrong" }.ConnectionString;
            await Assert.ThrowsAsync<PostgresException>(() => Scalar<int>(wrongPassword, "SELECT 1"));
        }
        finally
        {
            await cluster.StopAsync(NullLogger.Instance);
        }
    }

    [Fact]
    public async Task Without_a_connection_string_the_app_runs_its_own_cluster_and_stops_it_when_it_stops()
    {
        var app = new AppFactory().With("ConnectionStrings:Main", "").With("DataDirectory", NewDataDirectory());
        await app.InitializeAsync();
        var database = app.Services.GetRequiredService<DatabaseConnection>();
        Assert.Equal(DatabaseProvider.PostgreSql, database.Provider);
        var health = await app.CreateClient().WaitUntilHealthyAsync();
        Assert.Contains("PostgreSql", health);
        var pidFile = Path.Combine(app.Services.GetRequiredService<AppPaths>().Postgres, "postmaster.pid");
        Assert.True(File.Exists(pidFile));

        await app.DisposeAsync();
        Assert.False(File.Exists(pidFile));
    }

    [Fact]
    public async Task With_a_connection_string_the_app_starts_no_cluster()
    {
        await using var app = new AppFactory();
        await app.InitializeAsync();
        Assert.Equal(DatabaseProvider.PostgreSql, app.Services.GetRequiredService<DatabaseConnection>().Provider);
        Assert.Null(app.Services.GetService<EmbeddedPostgres>());
        Assert.False(Directory.Exists(app.Services.GetRequiredService<AppPaths>().Postgres));
    }

    [Fact]
    public async Task Shutdown_is_bounded_when_the_database_is_already_gone()
    {
        var app = new AppFactory().With("ConnectionStrings:Main", "").With("DataDirectory", NewDataDirectory());
        await app.InitializeAsync();
        var cluster = app.Services.GetRequiredService<EmbeddedPostgres>();
        var pid = int.Parse(File.ReadLines(Path.Combine(cluster.DataDirectory, "postmaster.pid")).First());
        Process.GetProcessById(pid).Kill(entireProcessTree: true);

        var watch = Stopwatch.StartNew();
        await app.DisposeAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"shutdown took {watch.Elapsed}");
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
