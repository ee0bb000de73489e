using Marketplaces.Dropshipping;

namespace Marketplaces.Tests.Dropshipping;

public class PricingRuleTests
{
    [Theory]
    [InlineData(10, 100, 0, null, 20)]
    [InlineData(6.62, 100, 0, 0.99, 13.99)]
    [InlineData(6.50, 100, 0, 0.99, 13.99)]
    [InlineData(6.49, 100, 0, 0.99, 12.99)]
    [InlineData(6.4975, 100, 0, 0.99, 13.99)]
    [InlineData(5, 50, 1.50, 0.95, 9.95)]
    [InlineData(4.999, 0, 0, null, 5.00)]
    [InlineData(3.333, 10, 0, null, 3.67)]
    [InlineData(10, 0, 0, 0.00, 10.00)]
    [InlineData(10.01, 0, 0, 0.00, 11.00)]
    public void Price_is_cost_plus_markup_plus_fixed_raised_to_the_ending(decimal cost, decimal markup, decimal fixedAmount, double? ending, decimal expected) =>
        Assert.Equal(expected, new PricingRule(markup, fixedAmount, (decimal?)ending).PriceFor(cost));

    [Fact]
    public void A_price_ending_never_lowers_the_price_below_the_rule()
    {
        var rule = new PricingRule(37, 0.4m, 0.49m);
        for (var cents = 1; cents < 5_000; cents += 7)
        {
            var cost = cents / 100m;
            var price = rule.PriceFor(cost);
            Assert.True(price >= cost * 1.37m + 0.4m, $"{cost} -> {price}");
            Assert.True(price - (cost * 1.37m + 0.4m) < 1, $"{cost} -> {price}");
            Assert.Equal(0.49m, price - Math.Floor(price));
        }
    }

    [Theory]
    [InlineData(-1, 0, null, "markup")]
    [InlineData(1001, 0, null, "markup")]
    [InlineData(10, -1, null, "fixed amount")]
    [InlineData(10, 0, 1.0, "ending")]
    [InlineData(10, 0, 0.999, "two decimals")]
    public void A_rule_out_of_range_says_what_is_wrong(decimal markup, decimal fixedAmount, double? ending, string named) =>
        Assert.Contains(named, new PricingRule(markup, fixedAmount, (decimal?)ending).Problem);

    [Fact]
    public void A_sensible_rule_has_no_problem() => Assert.Null(new PricingRule(100, 0, 0.99m).Problem);
}
