using System.Collections.Concurrent;
using Marketplaces.Catalog;
using Marketplaces.Connections;

namespace Marketplaces.RateLimits;

/// <summary>
/// The one limiter every marketplace call goes through (jobs and the seller's own clicks alike), one gate per
/// (marketplace, account, operation group) configured from the catalog. The gates' state lives in PostgreSQL
/// (<see cref="GateStore"/>), so app instances sharing a database share each allowance, and a restart forgets
/// neither a day's usage nor a Retry-After. Keys whose marketplace documents no limit never reach the database.
/// </summary>
public sealed class RateLimiter(MarketplaceCatalog catalog, GateStore store, TimeProvider clock)
{
    /// <summary>The share of a marketplace's rate the app uses, so that calls never arrive a hair early.</summary>
    internal const double Pace = 0.95;

    /// <summary>
    /// Slack on a wait for a full per-second or per-minute window: a call admitted here reaches the marketplace later by
    /// however long this machine takes to send it, and on a busy one two calls a window apart arrived less than a
    /// window apart with 50 ms (Etsy's 10 a second drew a 429). A full window then takes 1.15 s: 87 % of a per-second
    /// limit; token buckets are not concerned.
    /// </summary>
    internal static readonly TimeSpan WindowMargin = TimeSpan.FromMilliseconds(150);

    private readonly ConcurrentDictionary<RateLimitKey, SharedGate> _gates = new();

    /// <summary>
    /// Waits until the call fits every limit, then counts it; returns the moment it is counted at (the call should go
    /// now). A used-up daily quota throws <see cref="MarketplaceErrorKind.RateLimited"/> with the time it resets (the
    /// card reads it from the gate's row).
    /// </summary>
    public async Task<DateTimeOffset> AcquireAsync(RateLimitKey key, CancellationToken ct)
    {
        if (Resolve(key) is not var (gateKey, gate)) return clock.GetUtcNow();
        while (true)
        {
            var admission = await gate.TryEnterAsync(ct);
            if (admission.Granted) return admission.At;
            if (admission.ExhaustedUntil is { } reset)
            {
                throw new MarketplaceException(MarketplaceErrorKind.RateLimited,
                    $"{catalog[key.Marketplace].Name}'s daily limit for {gateKey.Group} is reached; it resets at {reset.ToUniversalTime():yyyy-MM-dd HH:mm} UTC.",
                    "DailyLimitReached", reset - clock.GetUtcNow(), StatusCodes.Status429TooManyRequests);
            }
            await Task.Delay(admission.Wait, clock, ct);
        }
    }

    /// <summary>A throttled answer: block the key for <paramref name="retryAfter"/> and slow its bucket down, for every instance.</summary>
    public Task PenalizeAsync(RateLimitKey key, TimeSpan retryAfter, CancellationToken ct) =>
        Resolve(key)?.Gate.PenalizeAsync(retryAfter, ct) ?? Task.CompletedTask;

    /// <summary>The marketplace reported the operation's current rate (requests per second).</summary>
    /// <param name="bucket">Where the marketplace says its bucket stands (Shopify), for the limiter to spend what it holds.</param>
    public Task ObserveRateAsync(RateLimitKey key, double ratePerSecond, CancellationToken ct, ObservedBucket? bucket = null) =>
        Resolve(key)?.Gate.ObserveRateAsync(ratePerSecond, bucket, ct) ?? Task.CompletedTask;

    /// <summary>The bucket's current rate as this instance last knew it, when the key's group has one.</summary>
    public double? RateOf(RateLimitKey key) => Resolve(key)?.Gate.Rate;

    internal TimeSpan? RefillInterval(RateLimitKey key) => Resolve(key)?.Gate.RefillInterval;

    public ThrottleSignals SignalsOf(string marketplace) =>
        catalog.TryGet(marketplace, out var definition) ? definition.RateLimits.Signals : new ThrottleSignals();

    /// <summary>The gate a key spends from: unlisted groups fall into <c>default</c>, shared allowances into the app's key.</summary>
    private (RateLimitKey Key, SharedGate Gate)? Resolve(RateLimitKey key)
    {
        if (!catalog.TryGet(key.Marketplace, out var definition) || definition.RateLimits.Groups.Count == 0) return null;
        var groups = definition.RateLimits.Groups;
        var group = groups.ContainsKey(key.Group) ? key.Group
            : groups.ContainsKey(RateLimitDefinition.DefaultGroup) ? RateLimitDefinition.DefaultGroup
            : throw new InvalidOperationException($"The catalog lists no rate-limit group '{key.Group}' (nor a default) for {key.Marketplace}.");
        var limit = groups[group];
        var gateKey = new RateLimitKey(definition.Id, limit.Scope == LimitScope.Application ? RateLimitKey.Application : key.Account, group);
        return (gateKey, _gates.GetOrAdd(gateKey, _ => new SharedGate(gateKey, limit, store, clock)));
    }
}
