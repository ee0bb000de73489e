using System.Collections.Concurrent;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.RateLimits;

namespace Marketplaces.Tests.RateLimits;

/// <summary>Two limiters on one database, as two app instances are: every allowance is spent once between them, and outlives them.</summary>
public abstract class SharedRateLimitTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : LimiterDatabase
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => database.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_call_whose_write_came_back_after_its_moment_goes_later_and_the_other_instance_counts_it_then()
    {
        // The second instance's first write is refused (the first wrote the row), so it shares the gate from then on;
        // its next write takes 300 ms, past the moment it counted its call for.
        var second = database.Limiter(Catalog, _clock, nth: 2, meanwhile: () => _clock.Advance(TimeSpan.FromMilliseconds(300)));
        var first = database.Limiter(Catalog, _clock);
        await first.AcquireAsync(Key, default);
        _clock.Advance(TimeSpan.FromSeconds(1.5));

        await AssertTheNextCallOfAsync(first, await AcquireAsync(second));
    }

    [Fact]
    public async Task A_first_call_whose_write_was_slow_goes_later_and_the_other_instance_counts_it_then()
    {
        // No write of this instance was refused yet, so it counts its call for the moment it asks; the write takes 300 ms.
        var slow = database.Limiter(Catalog, _clock, nth: 1, meanwhile: () => _clock.Advance(TimeSpan.FromMilliseconds(300)));

        await AssertTheNextCallOfAsync(database.Limiter(Catalog, _clock), await AcquireAsync(slow));
    }

    private static MarketplaceCatalog Catalog => RateLimiterTests.Catalog(new() { ["Catalog:etsy:RateLimits:Groups:default:PerSecond"] = "1" });

    private static readonly RateLimitKey Key = new("etsy", "shop-1", "listings");

    /// <summary>A call through <paramref name="limiter"/>, moving this test's clock if it waits for a moment counted ahead.</summary>
    private async Task<DateTimeOffset> AcquireAsync(RateLimiter limiter)
    {
        var call = limiter.AcquireAsync(Key, default);
        while (await Task.WhenAny(call, Task.Delay(200)) != call) _clock.Advance(TimeSpan.FromMilliseconds(100));
        return await call;
    }

    /// <summary>Asked 0.9 s after the call that went at <paramref name="went"/>, the other instance's call waits until a second after it.</summary>
    private async Task AssertTheNextCallOfAsync(RateLimiter other, DateTimeOffset went)
    {
        _clock.Advance(went + TimeSpan.FromSeconds(0.9) - _clock.Now);

        var gap = await AcquireAsync(other) - went;

        Assert.True(gap >= TimeSpan.FromSeconds(1), $"the other instance went {gap.TotalMilliseconds} ms after");
    }

    [Fact]
    public async Task Two_instances_calling_at_once_never_admit_more_than_a_second_or_a_days_limit_between_them()
    {
        // Etsy's shared allowance: 10 calls in any second, here 20 a day so that the day runs out within the test.
        var catalog = RateLimiterTests.Catalog(new() { ["Catalog:etsy:RateLimits:Groups:default:PerDay"] = "20" });
        var instances = new[] { database.Limiter(catalog, TimeProvider.System), database.Limiter(catalog, TimeProvider.System) };
        var admitted = new ConcurrentQueue<DateTimeOffset>();

        async Task CallUntilTheDayIsSpentAsync(RateLimiter limiter)
        {
            while (true)
            {
                try
                {
                    // When each instance counts its call: when it goes, whatever the test's own flow takes to resume.
                    admitted.Enqueue(await limiter.AcquireAsync(new RateLimitKey("etsy", "shop-1", "listings"), default));
                }
                catch (MarketplaceException e) when (e.Kind == MarketplaceErrorKind.RateLimited)
                {
                    return;
                }
            }
        }
        await Task.WhenAll(instances.SelectMany(limiter => Enumerable.Range(0, 4).Select(_ => CallUntilTheDayIsSpentAsync(limiter))));

        Assert.Equal(20, admitted.Count);
        Assert.True(admitted.Max(first => admitted.Count(t => t >= first && t < first.AddSeconds(1))) <= 10,
            $"more than 10 calls in one second: {string.Join(", ", admitted.Order().Select(t => t.ToString("ss.fff")))}");
    }

    [Fact]
    public async Task A_daily_quota_used_up_by_one_instance_is_refused_by_the_other_with_its_reset_time()
    {
        var catalog = RateLimiterTests.Catalog(new() { ["Catalog:ebay:RateLimits:Groups:sell.fulfillment:PerDay"] = "3" });
        var (first, second) = (database.Limiter(catalog, _clock), database.Limiter(catalog, _clock));
        var key = new RateLimitKey("ebay", "seller-1", "sell.fulfillment");
        await second.AcquireAsync(key, default);
        await first.AcquireAsync(key, default);
        await first.AcquireAsync(key, default);

        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => second.AcquireAsync(key, default));

        Assert.Equal("eBay's daily limit for sell.fulfillment is reached; it resets at 2026-03-11 07:00 UTC.", failure.Message);
        Assert.Equal(new QuotaExhaustion("sell.fulfillment", new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero)),
            Assert.Single(await database.Quotas(_clock).ForAsync("ebay", "seller-2")));
    }

    [Fact]
    public async Task A_retry_after_recorded_by_one_instance_holds_back_the_other()
    {
        var catalog = RateLimiterTests.Catalog();
        var (first, second) = (database.Limiter(catalog, TimeProvider.System), database.Limiter(catalog, TimeProvider.System));
        var key = new RateLimitKey("amazon", "A1", "getListingsItem");
        await second.AcquireAsync(key, default);

        await first.PenalizeAsync(key, TimeSpan.FromSeconds(30), default);

        using var soon = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.AcquireAsync(key, soon.Token));
        Assert.Equal(2.5, second.RateOf(key));
    }

    [Fact]
    public async Task A_restarted_instance_remembers_the_days_calls_and_a_retry_after()
    {
        var catalog = RateLimiterTests.Catalog(new() { ["Catalog:ebay:RateLimits:Groups:sell.finances:PerDay"] = "2" });
        var key = new RateLimitKey("ebay", "seller-1", "sell.finances");
        var before = database.Limiter(catalog, _clock);
        await before.AcquireAsync(key, default);
        await before.PenalizeAsync(key, TimeSpan.FromSeconds(10), default);

        var restarted = database.Limiter(catalog, _clock);

        using var soon = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => restarted.AcquireAsync(key, soon.Token));
        _clock.Advance(TimeSpan.FromSeconds(10));
        await restarted.AcquireAsync(key, default);
        await Assert.ThrowsAsync<MarketplaceException>(() => restarted.AcquireAsync(key, default));
    }
}

public sealed class SharedRateLimitTestsOnSqlite(LimiterDatabase database) : SharedRateLimitTests<LimiterDatabase>(database);

public sealed class SharedRateLimitTestsOnPostgreSql(PostgreSqlLimiterDatabase database) : SharedRateLimitTests<PostgreSqlLimiterDatabase>(database);
