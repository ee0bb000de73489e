using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Marketplaces.Database;

/// <summary>
/// Per-connection SQLite settings the connection string cannot carry. <c>synchronous=NORMAL</c> in WAL mode syncs the
/// log at checkpoints rather than at every commit: a crash of the app loses nothing committed, a power cut can lose
/// the last commits but never corrupts the file (SQLite's documented trade-off), and each small write (a page of
/// orders, a rate-limit gate) stops waiting for the disk. Automatic checkpoints are off: <see cref="SqliteCheckpointer"/>
/// runs them beside the writers instead of inside their commits.
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(Instance);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0";
        command.ExecuteNonQuery();
    }
}
