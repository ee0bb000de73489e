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
/// <see cref="WriteLead"/> ahead and released at that moment, whatever the write took. A write that came back more
/// than <see cref="Tolerated"/> after its moment (a slow first connection, or slower than the lead) gives the call back
/// (the next write takes it out of the row) and counts it again a longer lead ahead: another instance may already
/// count from the moment the row says, and a call going much later would crowd a call that instance lets through a
/// window after. A moment in this instance's future (counted ahead, or another instance's clock runs ahead) is
/// waited for.
/// </remarks>
internal sealed class SharedGate(RateLimitKey key, OperationLimit limit, GateStore store, TimeProvider clock)
{
    private static readonly TimeSpan SharedFor = TimeSpan.FromMinutes(1);

    /// <summary>How late after its moment a call may go: the limiter's pace and window margin absorb that much.</summary>
    private static readonly TimeSpan Tolerated = TimeSpan.FromMilliseconds(10);
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly WriteLead _lead = new();
    private RateGate _gate = new(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin);
    private long _version;
    private DateTimeOffset _sharedUntil;

    /// <summary>Calls this instance counted in the row that never went; the next write takes them out.</summary>
    private readonly List<DateTimeOffset> _unsent = [];

    /// <summary>Granted: the call may go now, counted at the admission's moment. Otherwise how long to wait, or the day's quota is gone.</summary>
    public async Task<Admission> TryEnterAsync(CancellationToken ct)
    {
        DateTimeOffset moment;
        TimeSpan early;
        await _turn.WaitAsync(ct);
        try
        {
            var missed = false;
            while (true)
            {
                var now = clock.GetUtcNow();
                var lead = missed || now < _sharedUntil ? _lead.Value : TimeSpan.Zero;
                moment = Later(now + lead, _gate.Latest);
                var admission = _gate.TryEnter(moment);
                if (!admission.Granted) return admission with { Wait = moment - lead + admission.Wait - now };
                var started = Stopwatch.GetTimestamp();
                if (!await TryWriteAsync(moment, ct)) continue;
                _lead.Observe(Stopwatch.GetElapsedTime(started));
                var sent = clock.GetUtcNow();
                early = moment - sent;
                if (early > TimeSpan.Zero) break;
                if (-early > Tolerated && _lead.Missed())
                {
                    // The row says this call goes at a moment now past, and another instance may already count from
                    // it: going now would put it where that instance does not see it. It is given back and counted
                    // again a longer lead ahead.
                    _gate.GiveBack(moment);
                    _unsent.Add(moment);
                    missed = true;
                    continue;
                }
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
        if (written)
        {
            _unsent.Clear();
            return true;
        }
        _gate = new RateGate(limit, clock.GetUtcNow(), RateLimiter.Pace, RateLimiter.WindowMargin, current);
        foreach (var counted in _unsent) _gate.GiveBack(GateStore.Up(counted));
        _sharedUntil = clock.GetUtcNow() + SharedFor;
        return false;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
