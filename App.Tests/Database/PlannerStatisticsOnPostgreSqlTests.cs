using Marketplaces.Database;
using Marketplaces.Orders;
using Marketplaces.Tests.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Database;

/// <summary>What a feed run's statistics refresh analyzes on PostgreSQL: the columns an index or key is on, not the rest.</summary>
public sealed class PlannerStatisticsOnPostgreSqlTests(PostgreSqlOrderListFixture app) : IClassFixture<PostgreSqlOrderListFixture>
{
    [Fact]
    public async Task A_refresh_analyzes_the_indexed_columns_of_the_orders_table_and_leaves_the_others()
    {
        await using (var db = await app.ContextAsync())
        {
            // Autovacuum off and the table's statistics gone, so that what is there afterwards is the refresh's alone.
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE orders SET (autovacuum_enabled = false)");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM pg_statistic WHERE starelid = 'orders'::regclass");
        }

        await app.Services.GetRequiredService<PlannerStatistics>().RefreshAsync([typeof(Order)], CancellationToken.None);

        await using var read = await app.ContextAsync();
        var analyzed = await read.Database.SqlQueryRaw<string>("SELECT attname::text AS \"Value\" FROM pg_stats WHERE tablename = 'orders'").ToListAsync();
        Assert.Equal(["connection_id", "created_at", "external_id", "id", "order_number", "search_text"], analyzed.Order());
    }
}
