using Microsoft.Data.Sqlite;

namespace Marketplaces.Database;

/// <summary>
/// Moves SQLite's write-ahead log back into the database file once a second, on a connection of its own. The app's
/// connections turn SQLite's automatic checkpoint off (<see cref="SqliteConnectionSetup"/>): left on, the commit that
/// crosses 1,000 log pages copies them into the file and syncs it before it returns, and in order ingest those
/// commits spent 5 s of every 50,000 orders there (1.5 s without). SQLite documents this pattern: "turn off the automatic
/// checkpoints and run checkpoints during idle moments or in a separate thread" (sqlite.org/wal.html §
/// "Application-Initiated Checkpoints"). A passive checkpoint waits for no reader or writer; what it cannot copy yet
/// it copies on a later tick.
/// </summary>
internal sealed class SqliteCheckpointer(DatabaseConnection database, ILogger<SqliteCheckpointer> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CheckpointAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e)
        {
            // A locked or busy file is retried on the next tick; nothing is lost meanwhile, the log only grows.
            log.LogWarning("SQLite checkpoint failed ({Code}); retried in a second", e.SqliteErrorCode);
        }
    }
}
