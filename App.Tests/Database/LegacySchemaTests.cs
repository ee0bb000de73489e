using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplaces.Tests.Database;

/// <summary>A PostgreSQL database made by the numbered SQL scripts of earlier releases (kept in Legacy/) keeps its rows.</summary>
public sealed class LegacySchemaTests
{
    [Fact]
    public async Task A_database_made_before_EF_migrations_is_adopted_with_its_rows_and_its_old_job_tables_dropped()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, "legacy");
        await using (var connection = new NpgsqlConnection(database.Connection.ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            foreach (var script in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Database", "Legacy"), "*.sql").Order())
            {
                await ExecuteAsync(connection, await File.ReadAllTextAsync(script));
                var name = Path.GetFileNameWithoutExtension(script);
                await ExecuteAsync(connection, $"INSERT INTO schema_migrations (version, name) VALUES ({int.Parse(name[..4])}, '{name[5..]}')");
            }
            await ExecuteAsync(connection, "CREATE TABLE qrtz_locks (sched_name text, lock_name text)");
            await ExecuteAsync(connection, """
                INSERT INTO app_settings (key, value, is_protected, updated_at) VALUES ('kept', 'yes', false, now());
                INSERT INTO connections (id, marketplace, environment, account_id, display_name, scopes, state, refresh_attempts, connected_at, connected_by, updated_at)
                VALUES ('7a1c7f35-8d22-4a7b-9a3e-1d2b3c4d5e6f', 'ebay', 'BuiltInSandbox', 'seller', 'Seller', '{a,b}', 'Connected', 0, now(), 'owner', now());
                INSERT INTO orders (id, connection_id, marketplace, external_id, order_number, status, marketplace_status, currency, total,
                                    created_at, updated_at, raw_payload, search_text, first_seen_at, last_seen_at)
                VALUES ('0b6f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b', '7a1c7f35-8d22-4a7b-9a3e-1d2b3c4d5e6f', 'ebay', 'E-1', 'E-1', 'Unfulfilled',
                        'NOT_STARTED', 'USD', 12.5, now(), now(), '{"orderId": "E-1"}', 'e-1', now(), now());
                """);
        }

        await database.Migrator().StartAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("yes", (await db.Settings.SingleAsync(s => s.Key == "kept")).Value);
        Assert.Equal(["a", "b"], (await db.Set<Marketplaces.Connections.Connection>().SingleAsync()).Scopes);
        var order = await db.Set<Marketplaces.Orders.Order>().SingleAsync();
        Assert.Equal(("E-1", 12.5m, "{\"orderId\": \"E-1\"}"), (order.ExternalId, order.Total, order.RawPayload));
        Assert.Equal(2, await db.Roles.CountAsync());
        var leftovers = await db.Database.SqlQueryRaw<string>(
            "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public' AND (tablename LIKE 'qrtz%' OR tablename IN ('job_runs', 'schema_migrations'))").ToListAsync();
        Assert.Empty(leftovers);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
