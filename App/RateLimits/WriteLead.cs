namespace Marketplaces.RateLimits;

/// <summary>
/// How far ahead a call is counted: comfortably more than a write to the gate's row takes. It rises at once with a
/// slow write (to twice that write), doubles when a write came back after its moment anyway, and falls back slowly.
/// </summary>
internal sealed class WriteLead
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(1);
    private const double Decay = 0.95;

    public TimeSpan Value { get; private set; } = TimeSpan.FromMilliseconds(20);

    public void Observe(TimeSpan write) => Value = Clamp(Max(write * 2, Value * Decay));

    /// <summary>A write came back after its moment; false when the lead is already as long as it gets.</summary>
    public bool Missed()
    {
        if (Value >= Longest) return false;
        Value = Clamp(Value * 2);
        return true;
    }

    private static TimeSpan Clamp(TimeSpan lead) => lead < Shortest ? Shortest : lead > Longest ? Longest : lead;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
