namespace Marketplaces.RateLimits;

/// <summary>At most <c>limit</c> calls in any stretch of <c>length</c> (a sliding log: stricter than the fixed windows some marketplaces count in).</summary>
internal sealed class SlidingWindow(int limit, TimeSpan length, IEnumerable<DateTimeOffset> calls)
{
    private readonly LinkedList<DateTimeOffset> _calls = new(calls);

    /// <summary>Zero when a call fits now, otherwise how long until the oldest counted call leaves the window.</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Forget(now);
        return _calls.Count < limit ? TimeSpan.Zero : _calls.First!.Value + length - now;
    }

    public void Record(DateTimeOffset now) => _calls.AddLast(now);

    /// <summary>The call counted for <paramref name="counted"/> did not go (calls counted for one moment are alike).</summary>
    public void Remove(DateTimeOffset counted) => _calls.Remove(counted);

    /// <summary>The newest call counted, if any.</summary>
    public DateTimeOffset? Last => _calls.Last?.Value;

    /// <summary>The newest call, counted for <paramref name="counted"/>, went at <paramref name="sent"/>.</summary>
    public void Move(DateTimeOffset counted, DateTimeOffset sent)
    {
        if (_calls.Last is { } last && last.Value == counted) last.Value = sent;
    }

    /// <summary>The calls still counted at <paramref name="now"/>.</summary>
    public DateTimeOffset[] Calls(DateTimeOffset now)
    {
        Forget(now);
        return [.. _calls];
    }

    private void Forget(DateTimeOffset now)
    {
        while (_calls.First is { } oldest && oldest.Value + length <= now) _calls.RemoveFirst();
    }
}
