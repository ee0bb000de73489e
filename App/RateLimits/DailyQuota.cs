namespace Marketplaces.RateLimits;

/// <summary>A per-day allowance: not waited out (that could take hours) but reported with the time it resets.</summary>
internal abstract class DailyQuota
{
    /// <summary>When the quota is used up, the moment it allows a call again; null while calls remain.</summary>
    public abstract DateTimeOffset? ExhaustedUntil(DateTimeOffset now);

    public abstract void Record(DateTimeOffset now);

    /// <summary>The call counted for <paramref name="counted"/> did not go.</summary>
    public abstract void Remove(DateTimeOffset counted);

    /// <summary>What it has counted, as stored: the start of the count and the calls since, in one or more slots.</summary>
    public abstract (DateTimeOffset? StartedAt, int[] Counts) Count { get; }

    public static DailyQuota Create(int limit, string? resetsIn, DateTimeOffset? startedAt, int[] counts) => resetsIn is null
        ? new RollingDay(limit, startedAt, counts)
        : new CalendarDay(limit, TimeZoneInfo.FindSystemTimeZoneById(resetsIn), startedAt, counts.Sum());

    /// <summary>Counted from midnight to midnight in the marketplace's time zone (eBay: Pacific time).</summary>
    private sealed class CalendarDay(int limit, TimeZoneInfo zone, DateTimeOffset? startedAt, int used) : DailyQuota
    {
        private DateTimeOffset? _startedAt = startedAt;
        private int _used = used;

        public override DateTimeOffset? ExhaustedUntil(DateTimeOffset now)
        {
            if (_startedAt is not { } start || now >= Midnight(start, 1))
            {
                _startedAt = Midnight(now, 0);
                _used = 0;
            }
            return _used >= limit ? Midnight(_startedAt.Value, 1) : null;
        }

        public override void Record(DateTimeOffset now) => _used++;

        public override void Remove(DateTimeOffset counted) => _used = Math.Max(0, _used - 1);

        public override (DateTimeOffset? StartedAt, int[] Counts) Count => (_startedAt, [_used]);

        /// <summary>The midnight that starts the zone's day of <paramref name="at"/>, <paramref name="days"/> later.</summary>
        private DateTimeOffset Midnight(DateTimeOffset at, int days)
        {
            var midnight = TimeZoneInfo.ConvertTime(at, zone).Date.AddDays(days);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
        }
    }

    /// <summary>
    /// Any 24 hours (Etsy's "per day"), counted in hourly slots rather than call by call so that its stored state stays
    /// small: a call counts until 24 hours after the end of its hour, a little longer than the marketplace counts it.
    /// </summary>
    private sealed class RollingDay(int limit, DateTimeOffset? startedAt, int[] counts) : DailyQuota
    {
        private static readonly TimeSpan Slot = TimeSpan.FromHours(1);
        private static readonly TimeSpan Day = TimeSpan.FromDays(1);
        private readonly List<int> _counts = [.. counts];
        private DateTimeOffset _startedAt = startedAt ?? DateTimeOffset.MinValue;

        public override DateTimeOffset? ExhaustedUntil(DateTimeOffset now)
        {
            Forget(now);
            var mustLeave = _counts.Sum() - limit + 1;
            for (var slot = 0; mustLeave > 0; slot++)
            {
                mustLeave -= _counts[slot];
                if (mustLeave <= 0) return _startedAt + (slot + 1) * Slot + Day;
            }
            return null;
        }

        public override void Record(DateTimeOffset now)
        {
            Forget(now);
            var slot = (int)((now - _startedAt) / Slot);
            while (_counts.Count <= slot) _counts.Add(0);
            _counts[slot]++;
        }

        public override void Remove(DateTimeOffset counted)
        {
            var slot = (int)Math.Floor((counted - _startedAt) / Slot);
            if (slot >= 0 && slot < _counts.Count && _counts[slot] > 0) _counts[slot]--;
        }

        public override (DateTimeOffset? StartedAt, int[] Counts) Count => _counts.Count == 0 ? (null, []) : (_startedAt, [.. _counts]);

        /// <summary>Drops the slots whose calls have all left the last 24 hours; starts afresh at this hour when none remain.</summary>
        private void Forget(DateTimeOffset now)
        {
            var expired = Math.Floor((now - _startedAt - Day) / Slot);
            if (expired <= 0) return;
            if (expired >= _counts.Count)
            {
                _counts.Clear();
                _startedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Slot.Ticks, TimeSpan.Zero);
                return;
            }
            _counts.RemoveRange(0, (int)expired);
            _startedAt += expired * Slot;
        }
    }
}
