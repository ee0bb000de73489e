using Marketplaces.Catalog;
using Marketplaces.Database;
using Marketplaces.RateLimits;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Tests.RateLimits;

/// <summary>
/// A migrated database for limiters built by hand, without an app around them: each <see cref="Limiter"/> is an app
/// instance of its own (its own gates in memory, the rows shared), and a new one on the same rows is an instance after
/// a restart. Emptied before each test. SQLite here; <see cref="PostgreSqlLimiterDatabase"/> for the PostgreSQL leg.
/// </summary>
public class LimiterDatabase : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private TestDatabase _database = default!;

    public IDbContextFactory<AppDbContext> Contexts => _database;

    public async Task InitializeAsync() => _database = await TestDatabase.MigratedAsync(Provider, "limits");

    public RateLimiter Limiter(MarketplaceCatalog catalog, TimeProvider clock) => new(catalog, new GateStore(_database), clock);

    /// <summary>An instance during whose <paramref name="nth"/> write to the rows <paramref name="meanwhile"/> happens.</summary>
    public RateLimiter Limiter(MarketplaceCatalog catalog, TimeProvider clock, int nth, Action meanwhile) =>
        new(catalog, new GateStore(new Interrupted(_database, nth, meanwhile)), clock);

    private sealed class Interrupted(IDbContextFactory<AppDbContext> inner, int nth, Action meanwhile) : IDbContextFactory<AppDbContext>
    {
        private int _opened;

        public AppDbContext CreateDbContext() => inner.CreateDbContext();

        public Task<AppDbContext> CreateDbContextAsync(CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _opened) == nth) meanwhile();
            return inner.CreateDbContextAsync(ct);
        }
    }

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
        _database.ClearPools();
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlLimiterDatabase : LimiterDatabase
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
