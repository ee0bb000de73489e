namespace Marketplaces.RateLimits;

/// <summary>
/// A token bucket whose rate can change (a throttle slows it, Amazon's header resets it), and whose size and level can
/// be set from what the marketplace reports of its own bucket (Shopify's points).
/// </summary>
internal sealed class TokenBucket(double ratePerSecond, int capacity, double tokens, DateTimeOffset refilledAt)
{
    private int _capacity = capacity;

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

    /// <summary>A token taken for a call that did not go comes back.</summary>
    public void Refund() => Tokens = Math.Min(_capacity, Tokens + 1);

    /// <summary>A token was taken at <paramref name="now"/>, whatever the bucket counted before.</summary>
    public void SpentAt(DateTimeOffset now)
    {
        Refill(now);
        Tokens = Math.Min(Tokens, _capacity - 1);
    }

    public void Empty(DateTimeOffset now)
    {
        Refill(now);
        Tokens = Math.Min(Tokens, 0);
    }

    /// <summary>The marketplace's bucket holds <paramref name="size"/> calls and has <paramref name="level"/> left: this one follows.</summary>
    /// <returns>Whether the size or the level changed.</returns>
    public bool Follow(DateTimeOffset now, double size, double level)
    {
        Refill(now);
        var capacity = Math.Max(1, (int)Math.Floor(size));
        var tokens = Math.Clamp(level, 0, capacity);
        if (capacity == _capacity && Math.Abs(tokens - Tokens) < 0.01) return false;
        (_capacity, Tokens) = (capacity, tokens);
        return true;
    }

    public void SetRate(DateTimeOffset now, double ratePerSecond)
    {
        Refill(now);
        Rate = ratePerSecond;
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= RefilledAt) return;
        Tokens = Math.Min(_capacity, Tokens + (now - RefilledAt).TotalSeconds * Rate);
        RefilledAt = now;
    }
}
