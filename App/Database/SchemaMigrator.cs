using System.Data.Common;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Marketplaces.Database;

/// <summary>
/// Brings the schema up to date at start-up with the provider's EF Core migrations, under one lock so app instances
/// starting together against one PostgreSQL database take turns. SQLite runs in WAL mode (readers never wait for the
/// writer). A database that cannot be reached or written stops the start with a message that says why.
/// </summary>
public sealed partial class SchemaMigrator(
    IDbContextFactory<AppDbContext> contexts, DatabaseConnection database, IExclusiveLocks locks, AppPaths paths,
    IConfiguration configuration, ILogger<SchemaMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WaitUntilReachableAsync(cancellationToken);
            await using var held = await locks.AcquireAsync("schema", "migrate", cancellationToken);
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (database.Provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken);
            else await LegacySchema.AdoptAsync(db, logger, cancellationToken);
            // EF reads its history table before it creates it, and logs that read on a new database as a failed command.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            LogSchema(logger, (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "(none)");
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 13) // SQLITE_FULL
        {
            throw DataFolder.Full(paths, e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 or 14) // SQLITE_READONLY, SQLITE_CANTOPEN
        {
            throw DataFolder.Unwritable(paths, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>PostgreSQL may still be starting next to the app: try for <c>Database:StartTimeoutSeconds</c>, then refuse.</summary>
    private async Task WaitUntilReachableAsync(CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        var bound = TimeSpan.FromSeconds(configuration.GetValue("Database:StartTimeoutSeconds", 30));
        var until = DateTimeOffset.UtcNow + bound;
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                return;
            }
            catch (Exception e) when (e is DbException or TimeoutException or ArgumentException)
            {
                if (e is PostgresException { SqlState: "28P01" or "28000" or "3D000" } || e is ArgumentException || DateTimeOffset.UtcNow >= until)
                    throw Unreachable(e, bound);
                LogNotReachable(logger, attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private StartupRefusal Unreachable(Exception e, TimeSpan bound)
    {
        var server = new NpgsqlConnectionStringBuilder { ConnectionString = SafeConnectionString() };
        var why = e switch
        {
            PostgresException { SqlState: "28P01" or "28000" } => "it refused the user name or password",
            PostgresException { SqlState: "3D000" } => "the database does not exist (create it first)",
            ArgumentException => "the connection string is not valid",
            _ => $"no answer within {bound.TotalSeconds:0} s",
        };
        return new StartupRefusal(
            $"Cannot use the PostgreSQL server at {server.Host}:{server.Port} (database {server.Database}): {why}. " +
            "Check ConnectionStrings:Main and that the server runs; the app started nothing and changed nothing.", e);
    }

    private string SafeConnectionString()
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            builder.Remove("Password");
            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is at migration {Migration}")]
    private static partial void LogSchema(ILogger logger, string migration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet (attempt {Attempt}): {Message}")]
    private static partial void LogNotReachable(ILogger logger, int attempt, string message);
}
