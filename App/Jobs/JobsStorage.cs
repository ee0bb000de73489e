using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Npgsql;

namespace Marketplaces.Jobs;

/// <summary>
/// Hangfire's storage for the database in force. SQLite: a file of its own (<see cref="AppPaths.JobsDatabase"/>), so
/// Hangfire's writes never wait on the app database's writer; it is safe for one app instance only. PostgreSQL: the
/// app's database, in Hangfire's own schema; several instances sharing it run each job once.
/// </summary>
public static class JobsStorage
{
    public const string PostgreSqlSchema = "hangfire";

    public static JobStorage Create(DatabaseConnection database, AppPaths paths) => database.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteStorage(paths),
        // The schema is prepared by Prepare once the database is up; the storage is built before that (the dashboard
        // is mapped while the host is still being built), so it must not connect here.
        DatabaseProvider.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(database.ConnectionString, PostgreSqlOptions), PostgreSqlOptions),
        _ => throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown database provider"),
    };

    private static SQLiteStorage SqliteStorage(AppPaths paths)
    {
        try
        {
            return new SQLiteStorage(paths.JobsDatabase, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        }
        catch (SQLite.SQLiteException e) when (e.Result == SQLite.SQLite3.Result.Full)
        {
            throw DataFolder.Full(paths, e);
        }
        catch (SQLite.SQLiteException e) when (e.Result is SQLite.SQLite3.Result.ReadOnly or SQLite.SQLite3.Result.CannotOpen)
        {
            throw DataFolder.Unwritable(paths, e);
        }
    }

    /// <summary>Creates or upgrades Hangfire's tables; safe when several instances start together.</summary>
    public static async Task PrepareAsync(DatabaseConnection database, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        PostgreSqlObjectsInstaller.Install(connection, PostgreSqlSchema);
    }

    private static PostgreSqlStorageOptions PostgreSqlOptions => new()
    {
        SchemaName = PostgreSqlSchema,
        PrepareSchemaIfNecessary = false,
        QueuePollInterval = TimeSpan.FromSeconds(1),
        // A job whose instance was killed is fetched again after this; the sliding timeout keeps it from being
        // fetched twice while its instance is alive, however long it runs.
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
    };
}
