using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Marketplaces.Tests.Database;

public sealed class SchemaTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_EF_model_and_the_migrated_schema_agree()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var actual = await ReadColumnsAsync();

        var expected = new Dictionary<(string Table, string Column), (string Type, bool Nullable)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                expected[(table.Name, property.GetColumnName(table)!)] = (property.GetColumnType(), property.IsColumnNullable(table));
            }
        }

        foreach (var (key, (type, nullable)) in expected)
        {
            Assert.True(actual.TryGetValue(key, out var column), $"{key.Table}.{key.Column} is in the model but not in the database");
            Assert.True(type == column.Type, $"{key.Table}.{key.Column}: model {type}, database {column.Type}");
            Assert.True(nullable == column.Nullable, $"{key.Table}.{key.Column}: model nullable {nullable}, database {column.Nullable}");
        }
        var modelTables = expected.Keys.Select(k => k.Table).ToHashSet();
        foreach (var key in actual.Keys.Where(k => modelTables.Contains(k.Table)))
        {
            Assert.True(expected.ContainsKey(key), $"{key.Table}.{key.Column} is in the database but not in the model");
        }
        // job_runs belonged to the removed jobs page; the schema rewrite for EF Core migrations drops it.
        var unmapped = actual.Keys.Select(k => k.Table).Distinct()
            .Where(t => !modelTables.Contains(t) && t != "schema_migrations" && t != "job_runs");
        Assert.Empty(unmapped);
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var before = await ReadColumnsAsync();
        var migrator = new SchemaMigrator(new DatabaseConnection(DatabaseProvider.PostgreSql, app.ConnectionString),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance);
        await migrator.StartAsync(CancellationToken.None);
        Assert.Equal(before, await ReadColumnsAsync());
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        Assert.Equal((long)SchemaMigrator.Scripts().Count, await count.ExecuteScalarAsync());
    }

    private async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ReadColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new Dictionary<(string, string), (string, bool)>();
        while (await reader.ReadAsync()) columns[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetBoolean(3));
        return columns;
    }
}
