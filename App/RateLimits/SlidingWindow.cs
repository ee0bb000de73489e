namespace Marketplaces.RateLimits;

/// <summary>At most <c>limit</c> calls in any stretch of <c>length</c> (a sliding log: stricter than the fixed windows some marketplaces count in).</summary>
internal sealed class SlidingWindow(int limit, TimeSpan length, IEnumerable<DateTimeOffset> calls)
{
    private readonly Queue<DateTimeOffset> _calls = new(calls);

    /// <summary>Zero when a call fits now, otherwise how long until the oldest counted call leaves the window.</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Forget(now);
        return _calls.Count < limit ? TimeSpan.Zero : _calls.Peek() + length - now;
    }

    public void Record(DateTimeOffset now)
    {
        _calls.Enqueue(now);
        Last = now;
    }

    /// <summary>The newest call counted, if any.</summary>
    public DateTimeOffset? Last { get; private set; } = calls.Select(call => (DateTimeOffset?)call).LastOrDefault();

    /// <summary>The calls still counted at <paramref name="now"/>.</summary>
    public DateTimeOffset[] Calls(DateTimeOffset now)
    {
        Forget(now);
        return [.. _calls];
    }

    private void Forget(DateTimeOffset now)
    {
        while (_calls.TryPeek(out var oldest) && oldest + length <= now) _calls.Dequeue();
    }
}
