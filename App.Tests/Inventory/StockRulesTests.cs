using Marketplaces.Inventory;

namespace Marketplaces.Tests.Inventory;

public sealed class StockRulesTests
{
    [Theory]
    [InlineData(10, "", "", 10)]
    [InlineData(10, "3", "", 7)]
    [InlineData(2, "3", "", 0)]
    [InlineData(10, "", "4", 4)]
    [InlineData(10, "3", "4", 4)]
    [InlineData(5, "3", "4", 2)]
    [InlineData(0, "", "", 0)]
    public void A_channel_lists_the_catalogs_stock_less_its_reserve_and_at_most_its_cap(int onHand, string reserve, string max, int listed)
    {
        var rules = StockRules.From(new Dictionary<string, string> { [StockRules.ReserveKey] = reserve, [StockRules.MaxKey] = max });

        Assert.Equal(listed, rules.Listed(onHand));
    }

    [Theory]
    [InlineData("-2")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void A_reserve_that_is_not_a_whole_number_keeps_nothing_back(string reserve)
    {
        Assert.Equal(8, StockRules.From(new Dictionary<string, string> { [StockRules.ReserveKey] = reserve }).Listed(8));
    }

    [Fact]
    public void Stock_syncs_unless_the_channel_is_set_not_to()
    {
        Assert.True(StockRules.From(new Dictionary<string, string>()).Sync);
        Assert.False(StockRules.From(new Dictionary<string, string> { [StockRules.SyncKey] = "off" }).Sync);
    }

    [Fact]
    public void Only_the_skus_the_marketplace_does_not_show_yet_are_changed()
    {
        var stock = new ListingStock("1", "TEE", new Dictionary<string, int> { ["TEE-S"] = 3, ["TEE-M"] = 0, ["TEE-L"] = 2 },
            new Dictionary<string, int> { ["TEE-S"] = 3, ["TEE-M"] = 1 }, new Dictionary<string, string>());

        Assert.Equal(new Dictionary<string, int> { ["TEE-M"] = 0, ["TEE-L"] = 2 }, stock.Changed);
        Assert.False(stock.Simple);
    }
}
