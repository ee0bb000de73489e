using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Marketplaces.Database;

/// <summary>
/// Keeps PostgreSQL's planner statistics up with a large write run. Autovacuum analyzes a table at most once a minute
/// and only after a tenth of it changed; a first sync adds tens of thousands of orders in seconds, and with statistics
/// from a near-empty table the planner answered each page's "which of these are stored?" by reading every order of the
/// connection (5 ms a page at 20,000 orders and growing; 0.2 ms once analyzed). So a run analyzes the tables it writes
/// each time its row count doubles from 1,000: a dozen times for a million rows. Only the columns of the table's keys
/// and indexes, which the planner's choice of an index reads: the whole table's took a sixth of PostgreSQL's CPU in a
/// 50,000-order first sync, most of it sorting the shipping addresses' JSON, and autovacuum analyzes every column
/// later. SQLite's planner takes the unique index for that lookup whatever its statistics say, so there it does nothing.
/// </summary>
public sealed class PlannerStatistics(IDbContextFactory<AppDbContext> contexts, DatabaseConnection database)
{
    private const int First = 1_000;

    /// <summary>Whether a run that had written <paramref name="before"/> rows and now <paramref name="after"/> passed 1,000, 2,000, 4,000, ….</summary>
    public static bool Due(int before, int after) => after >= First && (before < First || Doublings(after) > Doublings(before));

    public async Task RefreshAsync(IEnumerable<Type> entities, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var type in entities)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model");
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var indexed = entity.GetKeys().Select(k => k.Properties).Concat(entity.GetIndexes().Select(i => i.Properties)).SelectMany(p => p);
            var columns = indexed.Select(p => p.GetColumnName(table)).OfType<string>().Distinct().Select(c => sql.DelimitIdentifier(c));
            // A table and columns from the model, not from input: nothing to parameterize.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"ANALYZE {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)})", ct);
#pragma warning restore EF1002
        }
    }

    private static int Doublings(int rows) => System.Numerics.BitOperations.Log2((uint)(rows / First));
}
