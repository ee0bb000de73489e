using System.Collections.Concurrent;

namespace Marketplaces.RateLimits;

/// <summary>A daily quota that ran out, and when it comes back.</summary>
public sealed record QuotaExhaustion(string Group, DateTimeOffset ResetsAt);

/// <summary>
/// Which daily quotas are used up, for the dashboard card ("Daily limit reached; resets at …"). In memory, like the
/// buckets: each app instance knows only what it spent itself.
/// </summary>
public sealed class QuotaExhaustions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<RateLimitKey, DateTimeOffset> _until = new();

    internal void Record(RateLimitKey key, DateTimeOffset resetsAt) => _until[key] = resetsAt;

    /// <summary>The exhausted quotas that stop this account: its own and the ones the whole app shares.</summary>
    public IReadOnlyList<QuotaExhaustion> For(string marketplace, string accountId)
    {
        var now = clock.GetUtcNow();
        return _until
            .Where(e => e.Value > now && e.Key.Marketplace == marketplace && (e.Key.Account == RateLimitKey.Application || e.Key.Account == accountId))
            .Select(e => new QuotaExhaustion(e.Key.Group, e.Value))
            .OrderBy(e => e.ResetsAt)
            .ToList();
    }
}
