using Marketplaces.Catalog;

namespace Marketplaces.RateLimits;

/// <summary>
/// One key's gate as this app instance last knew it, and the row version it knew. A change (a call let through, a
/// penalty, a new rate) is made here and written back only if the row is still at that version; if another instance
/// wrote in between, the gate is rebuilt from the row as it is now and the change made again. So a call that is let
/// through costs one round trip, and a wait is worked out here: if the copy was stale, the write after the wait is
/// refused and the wait worked out again.
/// </summary>
/// <remarks>
/// The call goes when the write has returned, a little after the moment it was counted for; a call that goes later than
/// counted can only crowd the one after it, so this instance's copy then counts it again at the moment it went (written
/// with the next change). Another instance that reads the row before that sees the call up to one write early, which
/// the limiter's pace (5 % under the marketplace's rate) and the windows' margin cover. A moment in this instance's
/// future (another instance's clock runs ahead) is waited for.
/// </remarks>
internal sealed class SharedGate(RateLimitKey key, OperationLimit limit, GateStore store, TimeProvider clock)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private RateGate _gate = new(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin);
    private long _version;

    /// <summary>Granted: the call may go now. Otherwise how long to wait, or the day's quota is gone.</summary>
    public async Task<Admission> TryEnterAsync(CancellationToken ct)
    {
        TimeSpan early;
        await _turn.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var moment = Later(now, _gate.Latest);
                var admission = _gate.TryEnter(moment);
                if (!admission.Granted) return admission with { Wait = moment + admission.Wait - now };
                if (!await TryWriteAsync(moment, ct)) continue;
                var sent = clock.GetUtcNow();
                early = moment - sent;
                if (early > TimeSpan.Zero) break;
                _gate.CountedAgain(moment, sent);
                return admission;
            }
        }
        finally
        {
            _turn.Release();
        }
        await Task.Delay(early, clock, ct);
        return new Admission(TimeSpan.Zero, null);
    }

    public Task PenalizeAsync(TimeSpan retryAfter, CancellationToken ct) => ChangeAsync(now =>
    {
        _gate.Penalize(now, retryAfter);
        return true;
    }, ct);

    public Task ObserveRateAsync(double ratePerSecond, CancellationToken ct) => ChangeAsync(now => _gate.ObserveRate(now, ratePerSecond), ct);

    public double? Rate => _gate.Rate;

    public TimeSpan? RefillInterval => _gate.RefillInterval;

    /// <summary>Makes <paramref name="change"/> and, when it says it changed the state, writes it (see the class).</summary>
    private async Task ChangeAsync(Func<DateTimeOffset, bool> change, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                if (!change(now) || await TryWriteAsync(now, ct)) return;
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Writes the gate as it stands at <paramref name="at"/>; refused, rebuilds it from the row another instance wrote.</summary>
    private async Task<bool> TryWriteAsync(DateTimeOffset at, CancellationToken ct)
    {
        var row = new StoredGate { Marketplace = key.Marketplace, Account = key.Account, OperationGroup = key.Group, Version = _version };
        _gate.SaveTo(row, at);
        var (written, current) = await store.SwapAsync(row, ct);
        _version = current.Version;
        if (!written) _gate = new RateGate(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin, current);
        return written;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
