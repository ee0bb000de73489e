using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Marketplaces.Tests.Database;

/// <summary>Each provider's migrations produce exactly the model: every mapped column with its type and nullability, no other table.</summary>
public abstract class SchemaTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_migrations_match_the_model()
    {
        var database = await TestDatabase.CreateAsync(provider, "schema");
        await using var db = database.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration: add one with dotnet ef");
    }

    [Fact]
    public async Task The_migrated_schema_has_every_column_of_the_model_and_nothing_else()
    {
        var database = await TestDatabase.MigratedAsync(provider, "schema");
        await using var db = database.CreateDbContext();
        var actual = await ReadColumnsAsync(database.Connection);

        var expected = new Dictionary<(string Table, string Column), (string Type, bool Nullable)>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var tables = entity.GetMappingFragments(StoreObjectType.Table).Select(f => f.StoreObject)
                .Prepend(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
            foreach (var table in tables)
            foreach (var property in entity.GetProperties().Where(p => p.GetColumnName(table) is not null))
                expected[(table.Name, property.GetColumnName(table)!)] = (property.GetColumnType().ToLowerInvariant(), property.IsColumnNullable(table));
        }
        foreach (var (key, (type, nullable)) in expected)
        {
            Assert.True(actual.TryGetValue(key, out var column), $"{key.Table}.{key.Column} is in the model but not in the database");
            Assert.True(type == column.Type, $"{key.Table}.{key.Column}: model {type}, database {column.Type}");
            Assert.True(nullable == column.Nullable, $"{key.Table}.{key.Column}: model nullable {nullable}, database {column.Nullable}");
        }
        var modelTables = expected.Keys.Select(k => k.Table).ToHashSet();
        Assert.DoesNotContain(actual.Keys, k => modelTables.Contains(k.Table) && !expected.ContainsKey(k));
        Assert.DoesNotContain(actual.Keys, k => !modelTables.Contains(k.Table) && !k.Table.StartsWith("__EFMigrations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrating_again_changes_nothing()
    {
        var database = await TestDatabase.MigratedAsync(provider, "schema");
        var before = await ReadColumnsAsync(database.Connection);
        await database.Migrator().StartAsync(CancellationToken.None);
        Assert.Equal(before, await ReadColumnsAsync(database.Connection));
    }

    private static async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ReadColumnsAsync(DatabaseConnection database)
    {
        var columns = new Dictionary<(string, string), (string, bool)>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(database.ConnectionString);
            await sqlite.OpenAsync();
            await using var command = new SqliteCommand("""
                SELECT m.name, p.name, lower(p.type), p."notnull" = 0 AND p.pk = 0
                FROM sqlite_master m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
                """, sqlite);
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync()) columns[(rows.GetString(0), rows.GetString(1))] = (rows.GetString(2), rows.GetBoolean(3));
            return columns;
        }
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
            """, connection);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetBoolean(3));
        return columns;
    }
}

public sealed class SchemaTestsOnSqlite() : SchemaTests(DatabaseProvider.Sqlite);

public sealed class SchemaTestsOnPostgreSql() : SchemaTests(DatabaseProvider.PostgreSql)
{
    private const string StorageParameter = "Npgsql:StorageParameter:";

    /// <summary>A storage parameter is set by hand in its migration (to spare rebuilding the index), so no column check sees it.</summary>
    [Fact]
    public async Task The_migrated_indexes_have_the_storage_parameters_of_the_model()
    {
        var database = await TestDatabase.MigratedAsync(DatabaseProvider.PostgreSql, "schema");
        await using var db = database.CreateDbContext();
        var expected = db.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetIndexes())
            .SelectMany(i => i.GetAnnotations().Where(a => a.Name.StartsWith(StorageParameter, StringComparison.Ordinal))
                .Select(a => $"{i.GetDatabaseName()}: {a.Name[StorageParameter.Length..]}={a.Value}"))
            .Order().ToList();
        Assert.Contains("IX_orders_search_text: gin_pending_list_limit=16384", expected);

        await using var connection = new NpgsqlConnection(database.Connection.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand("""
            SELECT c.relname || ': ' || o FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, unnest(c.reloptions) o
            WHERE n.nspname = 'public' AND c.relkind = 'i'
            """, connection);
        var actual = new List<string>();
        await using (var reader = await read.ExecuteReaderAsync())
            while (await reader.ReadAsync()) actual.Add(reader.GetString(0));
        Assert.Equal(expected, actual.Order().ToList());
    }
}
