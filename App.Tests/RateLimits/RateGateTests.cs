using Marketplaces.Catalog;
using Marketplaces.RateLimits;

namespace Marketplaces.Tests.RateLimits;

/// <summary>The gate's arithmetic on a simulated clock: a caller that sends whenever allowed and otherwise waits as told.</summary>
public sealed class RateGateTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Sends as fast as the gate allows for <paramref name="duration"/>; returns when each call went.</summary>
    private static List<DateTimeOffset> Saturate(RateGate gate, TimeSpan duration, DateTimeOffset? from = null)
    {
        var sent = new List<DateTimeOffset>();
        var now = from ?? Start;
        while (now < (from ?? Start) + duration)
        {
            var admission = gate.TryEnter(now);
            Assert.Null(admission.ExhaustedUntil);
            if (admission.Granted) sent.Add(now);
            else now += admission.Wait;
        }
        return sent;
    }

    private static int MostInAnyWindow(List<DateTimeOffset> sent, TimeSpan window) =>
        sent.Max(first => sent.Count(t => t >= first && t < first + window));

    [Fact]
    public void A_token_bucket_never_lets_more_than_burst_plus_rate_times_the_window_through()
    {
        var gate = new RateGate(new OperationLimit { RatePerSecond = 2, Burst = 5 }, Start, pace: 1, TimeSpan.Zero);

        var sent = Saturate(gate, TimeSpan.FromSeconds(60));

        foreach (var seconds in new[] { 0.5, 1, 5, 30, 60 })
            Assert.True(MostInAnyWindow(sent, TimeSpan.FromSeconds(seconds)) <= 5 + 2 * seconds, $"too many calls in {seconds} s");
        Assert.InRange(sent.Count, 5 + 2 * 60 - 1, 5 + 2 * 60);
        Assert.Equal(5, sent.Count(t => t == Start));
    }

    [Fact]
    public void A_minute_window_never_lets_more_than_its_limit_into_any_sixty_seconds()
    {
        var gate = new RateGate(new OperationLimit { PerMinute = 6 }, Start, pace: 1, TimeSpan.Zero);

        var sent = Saturate(gate, TimeSpan.FromMinutes(5));

        Assert.Equal(6, MostInAnyWindow(sent, TimeSpan.FromMinutes(1)));
        Assert.Equal(30, sent.Count);
    }

    [Fact]
    public void A_client_paces_its_bucket_a_little_under_the_marketplace_rate()
    {
        var gate = new RateGate(new OperationLimit { RatePerSecond = 5, Burst = 1 }, Start, pace: 0.95, TimeSpan.FromMilliseconds(50));

        Assert.True(gate.TryEnter(Start).Granted);
        var wait = gate.TryEnter(Start).Wait;
        Assert.InRange(wait.TotalMilliseconds, 200.1, 211);
    }

    [Fact]
    public void The_window_margin_is_added_only_when_a_window_is_full()
    {
        var gate = new RateGate(new OperationLimit { PerSecond = 2 }, Start, pace: 0.95, TimeSpan.FromMilliseconds(50));

        Assert.True(gate.TryEnter(Start).Granted);
        Assert.True(gate.TryEnter(Start).Granted);
        Assert.Equal(TimeSpan.FromMilliseconds(1050), gate.TryEnter(Start).Wait);
    }

    [Fact]
    public void A_throttle_blocks_until_retry_after_then_halves_the_rate_which_recovers_minute_by_minute()
    {
        var gate = new RateGate(new OperationLimit { RatePerSecond = 4, Burst = 4 }, Start, pace: 1, TimeSpan.Zero);

        gate.Penalize(Start, TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(3), gate.TryEnter(Start).Wait);
        Assert.Equal(2, gate.Rate);
        Assert.True(gate.TryEnter(Start.AddSeconds(3)).Granted);
        gate.TryEnter(Start.AddSeconds(63));
        Assert.Equal(4, gate.Rate);
    }

    [Fact]
    public void The_marketplaces_stated_rate_replaces_the_catalogs()
    {
        var gate = new RateGate(new OperationLimit { RatePerSecond = 0.0167, Burst = 1 }, Start, pace: 1, TimeSpan.Zero);
        Assert.True(gate.TryEnter(Start).Granted);

        gate.ObserveRate(Start, 0.5);

        Assert.Equal(TimeSpan.FromSeconds(2), gate.TryEnter(Start).Wait);
    }

    [Fact]
    public void A_reported_bucket_is_spent_down_to_the_calls_that_may_still_be_under_way_and_never_beyond_its_level()
    {
        // Shopify's catalog entry: one call a second, a burst of 2; the shop reports 400 points, 300 left, after a
        // call of 5 points and one of 10: its level is 30 calls of the dearer kind.
        var gate = new RateGate(new OperationLimit { RatePerSecond = 1, Burst = 2 }, Start, pace: 1, TimeSpan.Zero);
        Assert.True(gate.ObserveRate(Start, 1, new ObservedBucket(400, 300, 10)));
        Assert.False(gate.ObserveRate(Start, 1, new ObservedBucket(400, 300, 5)));

        var sent = Saturate(gate, TimeSpan.FromSeconds(1));

        // 30 less the 4 that may be in flight at once, all at the start; the next one a second later.
        Assert.Equal(26, sent.Count(t => t == Start));
        Assert.Equal(26, sent.Count);
        Assert.True(gate.ObserveRate(Start.AddSeconds(1), 1, new ObservedBucket(400, 20, 10)));
        Assert.False(gate.TryEnter(Start.AddSeconds(1)).Granted);
    }

    [Fact]
    public void A_daily_quota_is_not_waited_for_but_reported_with_the_next_midnight_in_its_time_zone()
    {
        var gate = new RateGate(new OperationLimit { PerDay = 2, DayResetsIn = "America/Los_Angeles" }, Start, pace: 1, TimeSpan.Zero);

        Assert.True(gate.TryEnter(Start).Granted);
        Assert.True(gate.TryEnter(Start).Granted);

        // 2026-03-10 is daylight time in California (UTC-7): midnight there is 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero), gate.TryEnter(Start).ExhaustedUntil);
        Assert.True(gate.TryEnter(new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero)).Granted);
    }

    [Fact]
    public void A_rolling_daily_quota_comes_back_24_hours_after_the_hour_of_its_oldest_call()
    {
        var gate = new RateGate(new OperationLimit { PerDay = 2 }, Start, pace: 1, TimeSpan.Zero);

        Assert.True(gate.TryEnter(Start.AddMinutes(10)).Granted);
        Assert.True(gate.TryEnter(Start.AddHours(2)).Granted);

        Assert.Equal(Start.AddDays(1).AddHours(1), gate.TryEnter(Start.AddHours(5)).ExhaustedUntil);
        Assert.Null(gate.TryEnter(Start.AddDays(1).AddHours(1)).ExhaustedUntil);
        Assert.Equal(Start.AddDays(1).AddHours(3), gate.TryEnter(Start.AddDays(1).AddHours(1)).ExhaustedUntil);
    }

    [Fact]
    public void A_gate_saved_and_rebuilt_goes_on_where_it_stood()
    {
        var limit = new OperationLimit { RatePerSecond = 4, Burst = 2, PerSecond = 3, PerMinute = 5, PerDay = 4, DayResetsIn = "America/Los_Angeles" };
        var gate = new RateGate(limit, Start, pace: 1, TimeSpan.Zero);
        Assert.True(gate.TryEnter(Start).Granted);
        gate.Penalize(Start, TimeSpan.FromSeconds(2));
        var row = new StoredGate { Marketplace = "m", Account = "a", OperationGroup = "g" };

        gate.SaveTo(row, Start);
        var rebuilt = new RateGate(limit, Start.AddHours(1), pace: 1, TimeSpan.Zero, row);

        Assert.Equal(2, rebuilt.Rate);
        Assert.Equal(TimeSpan.FromSeconds(2), rebuilt.TryEnter(Start).Wait);
        Assert.True(rebuilt.TryEnter(Start.AddSeconds(2)).Granted);
        Assert.True(rebuilt.TryEnter(Start.AddSeconds(3)).Granted);
        Assert.True(rebuilt.TryEnter(Start.AddSeconds(4)).Granted);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero), rebuilt.TryEnter(Start.AddSeconds(5)).ExhaustedUntil);
    }

    [Theory]
    [InlineData(5.0, 1, null, 40)]
    [InlineData(null, null, 2, 300)]
    public void Calls_that_go_later_than_counted_by_uneven_delays_never_arrive_too_close_for_the_marketplace(
        double? rate, int? burst, int? perSecond, int slowMilliseconds)
    {
        var limit = new OperationLimit { RatePerSecond = rate, Burst = burst, PerSecond = perSecond };
        var client = new RateGate(limit, Start, pace: 0.95, TimeSpan.FromMilliseconds(50));
        var marketplace = new RateGate(limit, Start, pace: 1, TimeSpan.Zero);
        var now = Start;
        for (var call = 0; call < 200;)
        {
            var admission = client.TryEnter(now);
            if (!admission.Granted)
            {
                now += admission.Wait;
                continue;
            }
            // The shared gate's write to the database: now slow, then fast twice, as a busy server answers.
            var sent = now + TimeSpan.FromMilliseconds(call++ % 3 == 0 ? slowMilliseconds : 1);
            client.CountedAgain(now, sent);
            Assert.True(marketplace.TryEnter(sent).Granted, $"call {call} at {sent:ss.fff} refused");
            now = sent;
        }
    }
}
