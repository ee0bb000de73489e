using Npgsql;

namespace Marketplaces.Database.Locks;

/// <summary>
/// PostgreSQL session advisory locks, so that instances sharing a database take turns. Each held lock keeps a
/// connection of its own; a process that dies releases its locks with its connections.
/// </summary>
public sealed class PostgreSqlAdvisoryLocks(DatabaseConnection database) : IExclusiveLocks
{
    public async Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtext($1), hashtext($2))", scope, key, ct);
            return new Held(connection, scope, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string scope, string key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed class Held(NpgsqlConnection connection, string scope, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtext($1), hashtext($2))", scope, key, CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // A connection already broken has released the lock with its session.
            }
            await connection.DisposeAsync();
        }
    }
}
