using Marketplaces.Catalog;

namespace Marketplaces.Tests.RateLimits;

/// <summary>The catalog's rate limits are usable as data: every group limits something, every time zone resolves.</summary>
public sealed class CatalogRateLimitTests
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();
    public static TheoryData<string> Ids => new(MarketplaceCatalog.Order);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_group_sets_a_positive_limit_and_a_known_time_zone(string id)
    {
        foreach (var (group, limit) in Catalog[id].RateLimits.Groups)
        {
            var values = new double?[] { limit.RatePerSecond, limit.PerSecond, limit.PerMinute, limit.PerDay };
            Assert.True(values.Any(v => v is not null), $"{id} {group} limits nothing");
            Assert.All(values.Where(v => v is not null), v => Assert.True(v > 0, $"{id} {group}"));
            if (limit.DayResetsIn is { } zone) Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(zone));
        }
    }

    [Fact]
    public void Only_woocommerce_and_prestashop_document_no_limits()
    {
        Assert.Equal(["woocommerce", "prestashop"], Catalog.All.Where(m => m.RateLimits.Groups.Count == 0).Select(m => m.Id));
    }
}
