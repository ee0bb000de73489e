using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Tests.Database;

public sealed class ConcurrentMigrationTests
{
    [Fact]
    public async Task Instances_starting_together_on_an_empty_PostgreSQL_database_migrate_it_once()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, "race");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => database.Migrator().StartAsync(CancellationToken.None)));

        await using var db = database.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(2, await db.Roles.CountAsync());
    }
}
