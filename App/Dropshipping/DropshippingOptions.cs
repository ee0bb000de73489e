namespace Marketplaces.Dropshipping;

/// <summary>
/// <c>Dropshipping</c> in appsettings.json: where the seller's customers mostly live (searches, prices and freight are
/// for that country) and the pricing rule an import starts from, which each product may then change.
/// </summary>
public sealed class DropshippingOptions
{
    public const string Section = "Dropshipping";

    public string Country { get; set; } = "US";
    public decimal MarkupPercent { get; set; } = 100m;
    public decimal FixedAmount { get; set; }
    public decimal? PriceEnding { get; set; } = 0.99m;

    public PricingRule DefaultRule => new(MarkupPercent, FixedAmount, PriceEnding);
}
