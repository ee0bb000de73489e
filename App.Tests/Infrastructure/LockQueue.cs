using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Npgsql;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>How many callers wait for a lock of <see cref="IExclusiveLocks"/>, so a test can line them up before letting go.</summary>
public static class LockQueue
{
    public static async Task WaitForWaitersAsync(IExclusiveLocks locks, DatabaseConnection database, string scope, string key, int waiters)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await WaitingAsync(locks, database, scope, key) < waiters)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{waiters} callers never queued for {scope}/{key}");
            await Task.Delay(20);
        }
    }

    private static async Task<int> WaitingAsync(IExclusiveLocks locks, DatabaseConnection database, string scope, string key)
    {
        if (locks is InProcessLocks inProcess) return inProcess.Users(scope, key) - 1;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""
            SELECT count(*)::int FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND classid = hashtext($1)::oid AND objid = hashtext($2)::oid
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection) { Parameters = { new() { Value = scope }, new() { Value = key } } };
        return (int)(await count.ExecuteScalarAsync())!;
    }
}
