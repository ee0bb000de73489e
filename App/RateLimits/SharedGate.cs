using System.Diagnostics;
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
/// A call is counted for a moment slightly ahead (<see cref="WriteLead"/>) and released at that moment, not when the
/// write returns: the marketplace sees calls spaced as they were counted, whatever the write took. A write that
/// returns after its moment lets the call go at once and counts it again when it went, in this instance's copy (written
/// with the next change): a late call cannot harm itself, only the one after it.
/// </remarks>
internal sealed class SharedGate(RateLimitKey key, OperationLimit limit, GateStore store, TimeProvider clock)
{
    private static readonly TimeSpan Soonest = TimeSpan.FromMilliseconds(1);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly WriteLead _lead = new();
    private RateGate _gate = new(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin);
    private long _version;

    /// <summary>Granted: the call may go now (its moment has come). Otherwise how long to wait, or the day's quota is gone.</summary>
    public async Task<Admission> TryEnterAsync(CancellationToken ct)
    {
        TimeSpan early;
        await _turn.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var moment = Later(now + _lead.Value, _gate.Latest);
                var admission = _gate.TryEnter(moment);
                if (!admission.Granted) return admission with { Wait = WakeBefore(moment + admission.Wait, now) };
                var started = Stopwatch.GetTimestamp();
                if (!await TryWriteAsync(moment, ct)) continue;
                _lead.Observe(Stopwatch.GetElapsedTime(started));
                early = moment - clock.GetUtcNow();
                if (early >= TimeSpan.Zero) break;
                _lead.Missed();
                _gate.SentLate(clock.GetUtcNow());
                return new Admission(TimeSpan.Zero, null);
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

    /// <summary>The wait that wakes the caller one lead before <paramref name="allowed"/>, so that its call is counted for that moment.</summary>
    private TimeSpan WakeBefore(DateTimeOffset allowed, DateTimeOffset now)
    {
        var wait = allowed - _lead.Value - now;
        return wait > Soonest ? wait : Soonest;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
