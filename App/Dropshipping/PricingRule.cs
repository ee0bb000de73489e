namespace Marketplaces.Dropshipping;

/// <summary>
/// A selling price from a supplier's cost: cost plus <see cref="MarkupPercent"/>, plus <see cref="FixedAmount"/>, then
/// raised to the next price ending in <see cref="Ending"/> (0.99: 12.30 becomes 12.99, 12.995 becomes 13.99) or
/// rounded to cents when there is none. Never below cost plus markup and fixed amount.
/// </summary>
public sealed record PricingRule(decimal MarkupPercent, decimal FixedAmount, decimal? Ending)
{
    public const decimal MaxMarkupPercent = 1000m;

    public decimal PriceFor(decimal cost)
    {
        var raw = cost * (1 + MarkupPercent / 100m) + FixedAmount;
        if (Ending is not { } ending) return Math.Ceiling(raw * 100m) / 100m;
        var price = Math.Floor(raw) + ending;
        return price < raw ? price + 1 : price;
    }

    /// <summary>What is wrong with the rule, in words, or null.</summary>
    public string? Problem =>
        MarkupPercent is < 0 or > MaxMarkupPercent ? $"The markup is a percentage from 0 to {MaxMarkupPercent:0}."
        : FixedAmount is < 0 or > 10_000 ? "The fixed amount is from 0 to 10,000."
        : Ending is < 0 or >= 1 ? "The price ending is a number of cents from .00 to .99 (such as .99 or .95)."
        : Ending is { } e && e != Math.Round(e, 2) ? "The price ending has at most two decimals."
        : null;

    public string Describe() =>
        $"cost + {MarkupPercent:0.##} %" + (FixedAmount > 0 ? $" + {FixedAmount:0.00}" : "") + (Ending is { } e ? $", ending in {e:.00}" : "");
}
