using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.RateLimits;
using Microsoft.Extensions.Configuration;

namespace Marketplaces.Tests.RateLimits;

/// <summary>The limiter's keys and its daily-quota report, with the real catalog (overridden where a test needs a small limit).</summary>
public sealed class RateLimiterTests(LimiterDatabase database) : IClassFixture<LimiterDatabase>, IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => database.ClearAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    internal static MarketplaceCatalog Catalog(Dictionary<string, string?>? overrides = null) =>
        MarketplaceCatalog.Load(new ConfigurationBuilder().AddInMemoryCollection(overrides ?? new()).Build());

    [Fact]
    public async Task A_used_up_daily_quota_fails_as_rate_limited_with_its_reset_time_and_shows_for_every_account()
    {
        var limiter = database.Limiter(Catalog(new() { ["Catalog:ebay:RateLimits:Groups:sell.fulfillment:PerDay"] = "2" }), _clock);
        var key = new RateLimitKey("ebay", "seller-1", "sell.fulfillment");
        await limiter.AcquireAsync(key, default);
        await limiter.AcquireAsync(key with { Account = "seller-2" }, default);

        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => limiter.AcquireAsync(key, default));

        Assert.Equal(MarketplaceErrorKind.RateLimited, failure.Kind);
        Assert.Equal("eBay's daily limit for sell.fulfillment is reached; it resets at 2026-03-11 07:00 UTC.", failure.Message);
        Assert.Equal(TimeSpan.FromHours(11), failure.RetryAfter);
        var quotas = database.Quotas(_clock);
        var exhausted = Assert.Single(await quotas.ForAsync("ebay", "seller-3"));
        Assert.Equal(new QuotaExhaustion("sell.fulfillment", new DateTimeOffset(2026, 3, 11, 7, 0, 0, TimeSpan.Zero)), exhausted);
        Assert.Empty(await quotas.ForAsync("etsy", "seller-3"));
    }

    [Fact]
    public async Task An_exhausted_quota_leaves_the_card_once_it_has_reset()
    {
        var limiter = database.Limiter(Catalog(new() { ["Catalog:ebay:RateLimits:Groups:sell.inventory:PerDay"] = "1" }), _clock);
        var key = new RateLimitKey("ebay", "seller-1", "sell.inventory");
        await limiter.AcquireAsync(key, default);
        await Assert.ThrowsAsync<MarketplaceException>(() => limiter.AcquireAsync(key, default));

        _clock.Advance(TimeSpan.FromHours(11));

        Assert.Empty(await database.Quotas(_clock).ForAsync("ebay", "seller-1"));
        await limiter.AcquireAsync(key, default);
    }

    [Fact]
    public async Task Each_amazon_seller_has_its_own_bucket_per_operation()
    {
        var limiter = database.Limiter(Catalog(), _clock);
        var first = new RateLimitKey("amazon", "A1", "getListingsItem");

        await limiter.PenalizeAsync(first, TimeSpan.FromSeconds(5), default);

        Assert.Equal(2.5, limiter.RateOf(first));
        Assert.Equal(5, limiter.RateOf(first with { Account = "A2" }));
        Assert.Equal(5, limiter.RateOf(first with { Group = "putListingsItem" }));
    }

    [Fact]
    public void Unlisted_groups_fall_into_the_default_and_without_one_are_a_programming_error()
    {
        var limiter = database.Limiter(Catalog(), _clock);

        Assert.Equal(1, limiter.RateOf(new RateLimitKey("shopify", "shop-1", "orders")));
        Assert.Throws<InvalidOperationException>(() => limiter.RateOf(new RateLimitKey("amazon", "A1", "getOrdres")));
    }

    [Fact]
    public async Task Marketplaces_that_document_no_limit_are_not_limited_and_never_reach_the_database()
    {
        var limiter = database.Limiter(Catalog(), _clock);
        var key = new RateLimitKey("woocommerce", "https://shop.example", "orders");

        for (var i = 0; i < 1000; i++) await limiter.AcquireAsync(key, default);

        Assert.Null(limiter.RateOf(key));
        Assert.Empty(await database.RowsAsync());
    }
}
