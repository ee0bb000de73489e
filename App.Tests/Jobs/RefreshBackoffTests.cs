using Marketplaces.Jobs;

namespace Marketplaces.Tests.Jobs;

public sealed class RefreshBackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    public void The_delay_doubles_with_each_failed_attempt(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RefreshBackoff.After(attempts, jitter: 0.5));
    }

    [Fact]
    public void The_delay_never_exceeds_an_hour_plus_jitter()
    {
        Assert.Equal(TimeSpan.FromHours(1), RefreshBackoff.After(50, jitter: 0.5));
        Assert.True(RefreshBackoff.After(50, jitter: 1) <= TimeSpan.FromHours(1.2));
    }

    [Fact]
    public void Jitter_spreads_retries_by_twenty_percent_either_way()
    {
        Assert.Equal(TimeSpan.FromSeconds(24), RefreshBackoff.After(1, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(36), RefreshBackoff.After(1, jitter: 1));
    }
}
