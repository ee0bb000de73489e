using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// A database of either provider without an app around it, migrated by the app's own <see cref="SchemaMigrator"/>:
/// a SQLite file in a folder of its own, or a database of its own in the test run's PostgreSQL.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>
{
    private TestDatabase(DatabaseConnection connection, AppPaths paths)
    {
        Connection = connection;
        Paths = paths;
        Locks = connection.Provider == DatabaseProvider.Sqlite ? new InProcessLocks() : new PostgreSqlAdvisoryLocks(connection);
    }

    public DatabaseConnection Connection { get; }
    public AppPaths Paths { get; }
    public IExclusiveLocks Locks { get; }

    /// <summary>An empty database, not migrated yet.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string prefix)
    {
        var paths = new AppPaths(Path.Combine(TestPostgres.Root, "databases", $"{prefix}-{Guid.NewGuid():N}"));
        var connection = provider == DatabaseProvider.Sqlite
            ? DatabaseSettings.Read(new ConfigurationBuilder().Build(), paths)
            : new DatabaseConnection(provider, await TestPostgres.CreateDatabaseAsync(prefix));
        return new TestDatabase(connection, paths);
    }

    public static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider, string prefix)
    {
        var database = await CreateAsync(provider, prefix);
        await database.Migrator().StartAsync(CancellationToken.None);
        return database;
    }

    public SchemaMigrator Migrator() => new(this, Connection, Locks, Paths, new ConfigurationBuilder().Build(), NullLogger<SchemaMigrator>.Instance);

    public AppDbContext CreateDbContext() => DatabaseSetup.CreateContext(Connection);

    /// <summary>Lets go of pooled connections, so a dropped test database is not held open.</summary>
    public void ClearPools()
    {
        if (Connection.Provider == DatabaseProvider.PostgreSql) NpgsqlConnection.ClearPool(new NpgsqlConnection(Connection.ConnectionString));
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
