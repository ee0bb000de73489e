using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.RateLimits;

/// <summary>A daily quota that ran out, and when it comes back.</summary>
public sealed record QuotaExhaustion(string Group, DateTimeOffset ResetsAt);

/// <summary>
/// Which daily quotas are used up, for the dashboard card ("Daily limit reached; resets at …"), read from the gates'
/// shared rows: every instance's card shows what any instance spent, and a restart forgets none of it.
/// </summary>
public sealed class QuotaExhaustions(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    /// <summary>The exhausted quotas that stop this account: its own and the ones the whole app shares.</summary>
    public async Task<IReadOnlyList<QuotaExhaustion>> ForAsync(string marketplace, string accountId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<StoredGate>().AsNoTracking()
            .Where(g => g.Marketplace == marketplace && (g.Account == RateLimitKey.Application || g.Account == accountId) && g.ExhaustedUntil > now)
            .OrderBy(g => g.ExhaustedUntil)
            .Select(g => new QuotaExhaustion(g.OperationGroup, g.ExhaustedUntil!.Value))
            .ToListAsync(ct);
    }
}
