using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.RateLimits;

/// <summary>
/// The gates' rows, written by compare-and-swap: a write names the version it read and is refused when any app
/// instance wrote the row in between. One conditional statement, no lock held beyond it; a refused write reads the
/// row as it is now.
/// </summary>
public sealed class GateStore(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>
    /// Writes <paramref name="proposed"/> if its row is still at <see cref="StoredGate.Version"/> (zero: no row yet).
    /// Written: the new version. Refused: the row as it stands, or an empty one at version zero when the row another
    /// instance has just inserted is not visible yet.
    /// </summary>
    public async Task<(bool Written, StoredGate Current)> SwapAsync(StoredGate proposed, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var read = proposed.Version;
        Round(proposed);
        if (read == 0)
        {
            proposed.Version = 1;
            db.Add(proposed);
            try
            {
                await db.SaveChangesAsync(ct);
                return (true, proposed);
            }
            catch (DbUpdateException)
            {
                proposed.Version = 0;
                db.ChangeTracker.Clear();
                return (false, await ReadAsync(db, proposed, ct));
            }
        }
        var written = await Row(db, proposed).Where(g => g.Version == read).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.Version, read + 1)
            .SetProperty(g => g.BucketTokens, proposed.BucketTokens)
            .SetProperty(g => g.BucketRefilledAt, proposed.BucketRefilledAt)
            .SetProperty(g => g.BaseRate, proposed.BaseRate)
            .SetProperty(g => g.SlowFactor, proposed.SlowFactor)
            .SetProperty(g => g.SlowedAt, proposed.SlowedAt)
            .SetProperty(g => g.SecondWindow, proposed.SecondWindow)
            .SetProperty(g => g.MinuteWindow, proposed.MinuteWindow)
            .SetProperty(g => g.DayStartedAt, proposed.DayStartedAt)
            .SetProperty(g => g.DayCounts, proposed.DayCounts)
            .SetProperty(g => g.BlockedUntil, proposed.BlockedUntil)
            .SetProperty(g => g.ExhaustedUntil, proposed.ExhaustedUntil), ct);
        if (written == 1)
        {
            proposed.Version = read + 1;
            return (true, proposed);
        }
        return (false, await ReadAsync(db, proposed, ct));
    }

    private static IQueryable<StoredGate> Row(AppDbContext db, StoredGate gate) => db.Set<StoredGate>().AsNoTracking()
        .Where(g => g.Marketplace == gate.Marketplace && g.Account == gate.Account && g.OperationGroup == gate.OperationGroup);

    private static async Task<StoredGate> ReadAsync(AppDbContext db, StoredGate gate, CancellationToken ct) =>
        await Row(db, gate).SingleOrDefaultAsync(ct)
        ?? new StoredGate { Marketplace = gate.Marketplace, Account = gate.Account, OperationGroup = gate.OperationGroup };

    /// <summary>
    /// PostgreSQL keeps microseconds: rounding every stored time up makes it a little later, which only ever holds a
    /// call back longer, never lets one through early; and the instance's copy then equals the row.
    /// </summary>
    private static void Round(StoredGate gate)
    {
        gate.BucketRefilledAt = Up(gate.BucketRefilledAt);
        gate.SlowedAt = Up(gate.SlowedAt);
        gate.SecondWindow = gate.SecondWindow.Select(Up).ToArray();
        gate.MinuteWindow = gate.MinuteWindow.Select(Up).ToArray();
        gate.DayStartedAt = Up(gate.DayStartedAt);
        gate.BlockedUntil = Up(gate.BlockedUntil);
        gate.ExhaustedUntil = Up(gate.ExhaustedUntil);
    }

    internal static DateTimeOffset Up(DateTimeOffset at)
    {
        var ticks = at.UtcTicks + (TimeSpan.TicksPerMicrosecond - 1);
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    private static DateTimeOffset? Up(DateTimeOffset? at) => at is { } value ? Up(value) : null;
}
