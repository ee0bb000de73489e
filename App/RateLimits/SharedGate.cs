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
/// A call goes when its write has returned, a little after the moment it was counted for, and this instance's copy
/// then counts it again at the moment it went (a call that goes late can only crowd the one after it); the row gets
/// that with the next write. While another instance writes the same gate (a write was refused in the last minute),
/// that would let the other read a call up to one write early, so a call is then counted for a moment one
/// <see cref="WriteLead"/> ahead and released at that moment, whatever the write took. A moment in this instance's
/// future (counted ahead, or another instance's clock runs ahead) is waited for.
/// </remarks>
internal sealed class SharedGate(RateLimitKey key, OperationLimit limit, GateStore store, TimeProvider clock)
{
    private static readonly TimeSpan SharedFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly WriteLead _lead = new();
    private RateGate _gate = new(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin);
    private long _version;
    private DateTimeOffset _sharedUntil;

    /// <summary>Granted: the call may go now, counted at the admission's moment. Otherwise how long to wait, or the day's quota is gone.</summary>
    public async Task<Admission> TryEnterAsync(CancellationToken ct)
    {
        DateTimeOffset moment;
        TimeSpan early;
        await _turn.WaitAsync(ct);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                var lead = now < _sharedUntil ? _lead.Value : TimeSpan.Zero;
                moment = Later(now + lead, _gate.Latest);
                var admission = _gate.TryEnter(moment);
                if (!admission.Granted) return admission with { Wait = moment - lead + admission.Wait - now };
                var started = Stopwatch.GetTimestamp();
                if (!await TryWriteAsync(moment, ct)) continue;
                _lead.Observe(Stopwatch.GetElapsedTime(started));
                var sent = clock.GetUtcNow();
                early = moment - sent;
                if (early > TimeSpan.Zero) break;
                if (lead > TimeSpan.Zero) _lead.Missed();
                _gate.CountedAgain(moment, sent);
                return admission with { At = sent };
            }
        }
        finally
        {
            _turn.Release();
        }
        await Task.Delay(early, clock, ct);
        return new Admission(TimeSpan.Zero, null, moment);
    }

    public Task PenalizeAsync(TimeSpan retryAfter, CancellationToken ct) => ChangeAsync(now =>
    {
        _gate.Penalize(now, retryAfter);
        return true;
    }, ct);

    public Task ObserveRateAsync(double ratePerSecond, ObservedBucket? bucket, CancellationToken ct) => ChangeAsync(now => _gate.ObserveRate(now, ratePerSecond, bucket), ct);

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
        if (written) return true;
        _gate = new RateGate(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin, current);
        _sharedUntil = clock.GetUtcNow() + SharedFor;
        return false;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
