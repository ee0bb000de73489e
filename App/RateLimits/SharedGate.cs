using Marketplaces.Catalog;

namespace Marketplaces.RateLimits;

/// <summary>
/// One key's gate as this app instance last knew it, and the row version it knew. A change (a call let through, a
/// penalty, a new rate) is made here and written back only if the row is still at that version; if another instance
/// wrote in between, the gate is rebuilt from the row as it is now and the change made again. So a call that is let
/// through costs one round trip, and a wait is worked out here: if the copy was stale, the write after the wait is
/// refused and the wait worked out again.
/// </summary>
internal sealed class SharedGate(RateLimitKey key, OperationLimit limit, GateStore store, TimeProvider clock)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private RateGate _gate = new(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin);
    private long _version;

    public Task<Admission> TryEnterAsync(CancellationToken ct) => ChangeAsync((gate, now) =>
    {
        var admission = gate.TryEnter(now);
        return (admission, admission.Granted);
    }, ct);

    public Task PenalizeAsync(TimeSpan retryAfter, CancellationToken ct) => ChangeAsync((gate, now) =>
    {
        gate.Penalize(now, retryAfter);
        return (true, true);
    }, ct);

    public Task ObserveRateAsync(double ratePerSecond, CancellationToken ct) => ChangeAsync((gate, now) =>
    {
        var changed = gate.ObserveRate(now, ratePerSecond);
        return (changed, changed);
    }, ct);

    public double? Rate => _gate.Rate;

    public TimeSpan? RefillInterval => _gate.RefillInterval;

    /// <summary>Makes <paramref name="change"/> and, when it says it changed the state, writes it (see the class).</summary>
    private async Task<T> ChangeAsync<T>(Func<RateGate, DateTimeOffset, (T Result, bool Changed)> change, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var (result, changed) = change(_gate, now);
                if (!changed) return result;
                var row = new StoredGate { Marketplace = key.Marketplace, Account = key.Account, OperationGroup = key.Group, Version = _version };
                _gate.SaveTo(row, now);
                var (written, current) = await store.SwapAsync(row, ct);
                _version = current.Version;
                if (written) return result;
                _gate = new RateGate(limit, now, RateLimiter.Pace, RateLimiter.WindowMargin, current);
            }
        }
        finally
        {
            _turn.Release();
        }
    }
}
