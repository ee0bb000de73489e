using Marketplaces.Catalog;

namespace Marketplaces.RateLimits;

/// <summary>
/// Whether a call may go now: it may (counted at <see cref="At"/>), it must wait this long, or the day's quota is gone
/// until a time.
/// </summary>
internal readonly record struct Admission(TimeSpan Wait, DateTimeOffset? ExhaustedUntil, DateTimeOffset At = default)
{
    public bool Granted => Wait <= TimeSpan.Zero && ExhaustedUntil is null;
}

/// <summary>
/// One key's allowance: the catalog's bucket, windows and daily quota, plus what throttled answers taught it (a
/// block until Retry-After, a slower rate that recovers by doubling each quiet minute). The same gate at full pace
/// and without a margin is what the sandbox emulators enforce. Thread-safe; clock-free (callers pass the time);
/// built from a <see cref="StoredGate"/> and saved into one when its state is shared (see <see cref="SharedGate"/>).
/// </summary>
internal sealed class RateGate
{
    private const double SlowestFactor = 1.0 / 8;
    private static readonly TimeSpan RecoveryStep = TimeSpan.FromMinutes(1);

    private readonly TokenBucket? _bucket;
    private readonly SlidingWindow? _second;
    private readonly SlidingWindow? _minute;
    private readonly DailyQuota? _day;
    private readonly double _pace;
    private readonly TimeSpan _windowMargin;
    private readonly Lock _lock = new();
    private double _baseRate;
    private double _factor = 1;
    private DateTimeOffset _slowedAt;
    private DateTimeOffset _blockedUntil;

    /// <param name="pace">The share of the bucket's rate this side uses: a client runs a little under the marketplace's
    /// own count (0.95), so that network jitter never makes a call arrive early, at a cost proportional to the rate
    /// rather than a fixed delay on every call.</param>
    /// <param name="windowMargin">Added to a wait for a full sliding window, for the same reason.</param>
    /// <param name="saved">Where the gate stood when last saved; a fresh gate (full bucket, nothing counted) without.</param>
    public RateGate(OperationLimit limit, DateTimeOffset now, double pace, TimeSpan windowMargin, StoredGate? saved = null)
    {
        _pace = pace;
        _windowMargin = windowMargin;
        if (limit.RatePerSecond is { } rate)
        {
            _baseRate = saved?.BaseRate ?? rate;
            _factor = saved?.SlowFactor ?? 1;
            _slowedAt = saved?.SlowedAt ?? default;
            var capacity = Math.Max(1, limit.Burst ?? 1);
            _bucket = new TokenBucket(_baseRate * pace * _factor, capacity, saved?.BucketTokens ?? capacity, saved?.BucketRefilledAt ?? now);
        }
        if (limit.PerSecond is { } perSecond) _second = new SlidingWindow(perSecond, TimeSpan.FromSeconds(1), saved?.SecondWindow ?? []);
        if (limit.PerMinute is { } perMinute) _minute = new SlidingWindow(perMinute, TimeSpan.FromMinutes(1), saved?.MinuteWindow ?? []);
        if (limit.PerDay is { } perDay) _day = DailyQuota.Create(perDay, limit.DayResetsIn, saved?.DayStartedAt, saved?.DayCounts ?? []);
        _blockedUntil = saved?.BlockedUntil ?? DateTimeOffset.MinValue;
    }

    private IEnumerable<SlidingWindow> Windows => new[] { _second, _minute }.OfType<SlidingWindow>();

    /// <summary>Admits and counts the call when everything allows it; otherwise counts nothing.</summary>
    public Admission TryEnter(DateTimeOffset now)
    {
        lock (_lock)
        {
            Recover(now);
            if (_day?.ExhaustedUntil(now) is { } reset) return new Admission(TimeSpan.Zero, reset);
            var wait = _blockedUntil - now;
            if (_bucket?.Wait(now) is { } bucketWait && bucketWait > wait) wait = bucketWait;
            foreach (var window in Windows)
            {
                if (window.Wait(now) is var windowWait && windowWait > TimeSpan.Zero && windowWait + _windowMargin > wait)
                    wait = windowWait + _windowMargin;
            }
            if (wait > TimeSpan.Zero) return new Admission(wait, null);
            _bucket?.Take();
            foreach (var window in Windows) window.Record(now);
            _day?.Record(now);
            return new Admission(TimeSpan.Zero, null, now);
        }
    }

    /// <summary>The call counted for <paramref name="counted"/> did not go: what <see cref="TryEnter"/> counted is taken back.</summary>
    public void GiveBack(DateTimeOffset counted)
    {
        lock (_lock)
        {
            _bucket?.Refund();
            foreach (var window in Windows) window.Remove(counted);
            _day?.Remove(counted);
        }
    }

    /// <summary>
    /// The call counted for <paramref name="counted"/> went only at <paramref name="sent"/>: it counts from then, as the
    /// marketplace counts it. Its bucket cannot have gained while full, and its place in the windows moves.
    /// </summary>
    public void CountedAgain(DateTimeOffset counted, DateTimeOffset sent)
    {
        lock (_lock)
        {
            _bucket?.SpentAt(sent);
            foreach (var window in Windows) window.Move(counted, sent);
        }
    }

    /// <summary>The marketplace said "too many": nothing goes before <paramref name="retryAfter"/>, and the bucket slows down.</summary>
    public void Penalize(DateTimeOffset now, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            if (now + retryAfter > _blockedUntil) _blockedUntil = now + retryAfter;
            if (_bucket is null) return;
            _bucket.Empty(now);
            _factor = Math.Max(SlowestFactor, _factor / 2);
            _slowedAt = now;
            _bucket.SetRate(now, _baseRate * _pace * _factor);
        }
    }

    /// <summary>
    /// The marketplace's own figure for this operation's rate (Amazon's dynamic usage plans), and where it reports its
    /// bucket (Shopify: its size and level in points); false when nothing changed. The level is taken in calls as dear
    /// as the dearest seen, less <see cref="InFlight"/> calls that may have left before it was read and not be counted
    /// in it yet.
    /// </summary>
    public bool ObserveRate(DateTimeOffset now, double ratePerSecond, ObservedBucket? bucket = null)
    {
        lock (_lock)
        {
            if (_bucket is null || ratePerSecond <= 0) return false;
            var changed = false;
            if (bucket is { CallCost: > 0 } reported)
            {
                // Counted in the dearest call seen: a cheap one's level in calls would let dear ones overdraw the bucket.
                _dearestCall = Math.Max(_dearestCall, reported.CallCost);
                changed = _bucket.Follow(now, reported.Size / _dearestCall, reported.Level / _dearestCall - InFlight);
            }
            if (ratePerSecond == _baseRate) return changed;
            _baseRate = ratePerSecond;
            _bucket.SetRate(now, _baseRate * _pace * _factor);
            return true;
        }
    }

    /// <summary>Calls of one account that may be under way at once (the background job workers').</summary>
    private const double InFlight = 4;

    private double _dearestCall;

    /// <summary>Writes where the gate stands at <paramref name="now"/> into <paramref name="row"/>.</summary>
    public void SaveTo(StoredGate row, DateTimeOffset now)
    {
        lock (_lock)
        {
            row.BucketTokens = _bucket?.Tokens;
            row.BucketRefilledAt = _bucket?.RefilledAt;
            row.BaseRate = _bucket is null ? null : _baseRate;
            row.SlowFactor = _factor;
            row.SlowedAt = _factor < 1 ? _slowedAt : null;
            row.SecondWindow = _second?.Calls(now) ?? [];
            row.MinuteWindow = _minute?.Calls(now) ?? [];
            row.ExhaustedUntil = _day?.ExhaustedUntil(now);
            (row.DayStartedAt, row.DayCounts) = _day?.Count ?? (null, []);
            row.BlockedUntil = _blockedUntil > now ? _blockedUntil : null;
        }
    }

    /// <summary>
    /// The latest moment the gate has counted a call at or refilled to: a call reserved ahead by another instance can
    /// lie after the present, and the gate's arithmetic holds only for moments from here on.
    /// </summary>
    public DateTimeOffset Latest
    {
        get
        {
            lock (_lock)
            {
                return new[] { _bucket?.RefilledAt, _second?.Last, _minute?.Last }.Max() ?? DateTimeOffset.MinValue;
            }
        }
    }

    /// <summary>How long the bucket takes to earn one call at its current rate, if it has a bucket.</summary>
    public TimeSpan? RefillInterval
    {
        get
        {
            lock (_lock) return _bucket is null ? null : TimeSpan.FromSeconds(1 / _bucket.Rate);
        }
    }

    /// <summary>The marketplace rate in effect (after any slowdown), before this side's pace.</summary>
    public double? Rate
    {
        get
        {
            lock (_lock) return _bucket?.Rate / _pace;
        }
    }

    private void Recover(DateTimeOffset now)
    {
        if (_bucket is null || _factor >= 1 || now - _slowedAt < RecoveryStep) return;
        _factor = Math.Min(1, _factor * 2);
        _slowedAt = now;
        _bucket.SetRate(now, _baseRate * _pace * _factor);
    }
}
