using Marketplaces.Catalog;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Connections;

/// <summary>Writes and reads the connection history (who, when, what, outcome). Messages never carry secrets.</summary>
public sealed class ConnectionAudit(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, Notifier<Connection> changes)
{
    public async Task<ConnectionEvent> RecordAsync(
        string marketplace, MarketplaceEnvironment? environment, Guid? connectionId, string? account, string actor,
        ConnectionAction action, bool succeeded, string message, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entry = Add(db, marketplace, environment, connectionId, account, actor, action, succeeded, message);
        await db.SaveChangesAsync(ct);
        changes.Changed();
        return entry;
    }

    /// <summary>Adds the event to a unit of work that the caller commits, so it is saved with the change it describes.</summary>
    public ConnectionEvent Add(AppDbContext db, string marketplace, MarketplaceEnvironment? environment, Guid? connectionId, string? account,
        string actor, ConnectionAction action, bool succeeded, string message)
    {
        var entry = new ConnectionEvent
        {
            Marketplace = marketplace, Environment = environment, ConnectionId = connectionId, Account = account, Actor = actor,
            Action = action, Succeeded = succeeded, Message = message, OccurredAt = clock.GetUtcNow(),
        };
        db.Set<ConnectionEvent>().Add(entry);
        return entry;
    }

    public async Task<IReadOnlyList<ConnectionEvent>> RecentAsync(string marketplace, int count, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<ConnectionEvent>().AsNoTracking().Where(e => e.Marketplace == marketplace)
            .OrderByDescending(e => e.Id).Take(count).ToListAsync(ct);
    }

    /// <summary>The newest event of one action by one person on a marketplace, within <paramref name="within"/>.</summary>
    public async Task<ConnectionEvent?> LatestAsync(string marketplace, string actor, ConnectionAction action, TimeSpan within, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow() - within;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<ConnectionEvent>().AsNoTracking()
            .Where(e => e.Marketplace == marketplace && e.Actor == actor && e.Action == action && e.OccurredAt >= since)
            .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<ConnectionEvent?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<ConnectionEvent>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
    }
}
