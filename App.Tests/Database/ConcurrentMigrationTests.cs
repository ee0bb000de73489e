using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marketplaces.Tests.Database;

public sealed class ConcurrentMigrationTests
{
    [Fact]
    public async Task Instances_starting_together_on_an_empty_database_migrate_it_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("race");
        var migrators = Enumerable.Range(0, 4)
            .Select(_ => new SchemaMigrator(new DatabaseConnection(DatabaseProvider.PostgreSql, connectionString), NullLogger<SchemaMigrator>.Instance));
        await Task.WhenAll(migrators.Select(m => m.StartAsync(CancellationToken.None)));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT version) FROM schema_migrations", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(SchemaMigrator.Scripts().Count, reader.GetInt64(0));
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }
}
