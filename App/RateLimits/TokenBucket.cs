namespace Marketplaces.RateLimits;

/// <summary>A token bucket whose rate can change (a throttle slows it, Amazon's header resets it).</summary>
internal sealed class TokenBucket(double ratePerSecond, int capacity, double tokens, DateTimeOffset refilledAt)
{
    public double Rate { get; private set; } = ratePerSecond;

    public double Tokens { get; private set; } = tokens;

    public DateTimeOffset RefilledAt { get; private set; } = refilledAt;

    /// <summary>Zero when a token is there now, otherwise how long until one is.</summary>
    public TimeSpan Wait(DateTimeOffset now)
    {
        Refill(now);
        return Tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - Tokens) / Rate);
    }

    public void Take() => Tokens -= 1;

    /// <summary>A token was taken at <paramref name="now"/>, whatever the bucket counted before.</summary>
    public void SpentAt(DateTimeOffset now)
    {
        Refill(now);
        Tokens = Math.Min(Tokens, capacity - 1);
    }

    public void Empty(DateTimeOffset now)
    {
        Refill(now);
        Tokens = Math.Min(Tokens, 0);
    }

    public void SetRate(DateTimeOffset now, double ratePerSecond)
    {
        Refill(now);
        Rate = ratePerSecond;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= RefilledAt) return;
        Tokens = Math.Min(capacity, Tokens + (now - RefilledAt).TotalSeconds * Rate);
        RefilledAt = now;
    }
}
