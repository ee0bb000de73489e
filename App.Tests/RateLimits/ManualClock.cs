namespace Marketplaces.Tests.RateLimits;

/// <summary>A clock that moves only when told: for limits that would otherwise take minutes or days to watch.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
