using System.Reflection;
using Npgsql;

namespace Marketplaces.Database;

/// <summary>
/// Brings the schema up to date at start-up: the numbered SQL scripts embedded from Database/Migrations, each
/// once. All under one PostgreSQL advisory lock, so app instances
/// starting together against one database take turns.
/// </summary>
public sealed class SchemaMigrator(DatabaseConnection database, ILogger<SchemaMigrator> logger) : IHostedService
{
    private const long LockKey = 0x4D61726B6574; // "Market"
    private const string ScriptPrefix = "Marketplaces.Migrations.";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWithRetryAsync(cancellationToken);
        await Execute(connection, "SELECT pg_advisory_lock($1)", cancellationToken, LockKey);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = new HashSet<int>();
            await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken)) applied.Add(reader.GetInt32(0));
            }
            foreach (var (version, name, sql) in Scripts().Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, sql, cancellationToken);
                await Execute(connection, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", cancellationToken, version, name);
                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema migration {Version} {Name}", version, name);
            }
        }
        finally
        {
            await Execute(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ScriptPrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[ScriptPrefix.Length..^".sql".Length];
                return (int.Parse(file[..4]), file[5..], ReadResource(assembly, n));
            })
            .OrderBy(s => s.Item1)
            .ToList();
    }

    private async Task<NpgsqlConnection> OpenWithRetryAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = new NpgsqlConnection(database.ConnectionString);
            try
            {
                await connection.OpenAsync(ct);
                return connection;
            }
            catch (NpgsqlException e) when (attempt < 15)
            {
                await connection.DisposeAsync();
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Message}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing");
        return new StreamReader(stream).ReadToEnd();
    }
}
