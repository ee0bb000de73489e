using Marketplaces.Catalog;
using Marketplaces.Database;
using Marketplaces.RateLimits;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Marketplaces.Tests.RateLimits;

/// <summary>
/// A migrated database of the test run's PostgreSQL for limiters built by hand, without an app around them: each
/// <see cref="Limiter"/> is an app instance of its own (its own gates in memory, the rows shared), and a new one on
/// the same rows is an instance after a restart. Emptied before each test.
/// </summary>
public sealed class LimiterDatabase : IAsyncLifetime
{
    private DatabaseConnection _database = default!;

    public IDbContextFactory<AppDbContext> Contexts { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = new DatabaseConnection(DatabaseProvider.PostgreSql, await TestPostgres.CreateDatabaseAsync("limits"));
        await new SchemaMigrator(_database, NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        Contexts = new PooledDbContextFactory<AppDbContext>(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(_database.ConnectionString).Options);
    }

    public RateLimiter Limiter(MarketplaceCatalog catalog, TimeProvider clock) => new(catalog, new GateStore(_database), clock);

    public QuotaExhaustions Quotas(TimeProvider clock) => new(Contexts, clock);

    public async Task<List<StoredGate>> RowsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Set<StoredGate>().AsNoTracking().ToListAsync();
    }

    public async Task ClearAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Set<StoredGate>().ExecuteDeleteAsync();
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(_database.ConnectionString));
        return Task.CompletedTask;
    }
}
