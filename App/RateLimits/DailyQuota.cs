namespace Marketplaces.RateLimits;

/// <summary>A per-day allowance: not waited out (that could take hours) but reported with the time it resets.</summary>
internal abstract class DailyQuota
{
    /// <summary>When the quota is used up, the moment it allows a call again; null while calls remain.</summary>
    public abstract DateTimeOffset? ExhaustedUntil(DateTimeOffset now);

    public abstract void Record(DateTimeOffset now);

    public static DailyQuota Create(int limit, string? resetsIn) => resetsIn is null
        ? new RollingDay(limit)
        : new CalendarDay(limit, TimeZoneInfo.FindSystemTimeZoneById(resetsIn));

    /// <summary>Counted from midnight to midnight in the marketplace's time zone (eBay: Pacific time).</summary>
    private sealed class CalendarDay(int limit, TimeZoneInfo zone) : DailyQuota
    {
        private int _used;
        private DateTimeOffset _resetsAt = DateTimeOffset.MinValue;

        public override DateTimeOffset? ExhaustedUntil(DateTimeOffset now)
        {
            if (now >= _resetsAt)
            {
                _used = 0;
                _resetsAt = NextMidnight(now);
            }
            return _used >= limit ? _resetsAt : null;
        }

        public override void Record(DateTimeOffset now) => _used++;

        private DateTimeOffset NextMidnight(DateTimeOffset now)
        {
            var midnight = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }
    }

    /// <summary>Any 24 hours (Etsy's "per day").</summary>
    private sealed class RollingDay(int limit) : DailyQuota
    {
        private readonly SlidingWindow _window = new(limit, TimeSpan.FromDays(1));

        public override DateTimeOffset? ExhaustedUntil(DateTimeOffset now) => _window.Wait(now) is var wait && wait > TimeSpan.Zero ? now + wait : null;

        public override void Record(DateTimeOffset now) => _window.Record(now);
    }
}
