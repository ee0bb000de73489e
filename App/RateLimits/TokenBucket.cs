namespace Marketplaces.RateLimits;

/// <summary>A token bucket whose rate can change (a throttle slows it, Amazon's header resets it).</summary>
internal sealed class TokenBucket(double ratePerSecond, int capacity, DateTimeOffset now)
{
    private double _tokens = capacity;
    private DateTimeOffset _at = now;

    public double Rate { get; private set; } = ratePerSecond;

    /// <summary>Zero when a token is there now, otherwise how long until one is.</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Refill(now);
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / Rate);
    }

    public void Take() => _tokens -= 1;

    public void Empty(DateTimeOffset now)
    {
        Refill(now);
        _tokens = Math.Min(_tokens, 0);
    }

    public void SetRate(DateTimeOffset now, double ratePerSecond)
    {
        Refill(now);
        Rate = ratePerSecond;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= _at) return;
        _tokens = Math.Min(capacity, _tokens + (now - _at).TotalSeconds * Rate);
        _at = now;
    }
}
