namespace Marketplaces.Jobs;

/// <summary>Exponential backoff with jitter for failed refreshes: 30 s, 1 min, 2 min … capped at one hour.</summary>
public static class RefreshBackoff
{
    public static TimeSpan After(int attempts, double jitter)
    {
        var baseDelay = TimeSpan.FromSeconds(30 * Math.Pow(2, Math.Clamp(attempts - 1, 0, 10)));
        var capped = baseDelay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : baseDelay;
        return capped * (0.8 + 0.4 * jitter);
    }
}
