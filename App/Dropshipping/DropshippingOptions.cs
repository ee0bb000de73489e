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

    /// <summary>A linked product whose margin falls under this percent of its price is flagged; null: never.</summary>
    public decimal? MarginFloorPercent { get; set; } = 15m;

    /// <summary>The suggested shipping service is the cheapest that delivers within this many days.</summary>
    public int MaxDeliveryDays { get; set; } = 20;

    /// <summary>Order each new sale of imported products from the supplier without the seller's click (orders that came in after the import).</summary>
    public bool OrderAutomatically { get; set; }

    /// <summary>Ask AliExpress to charge the buyer account's saved payment method at once (needs AliExpress's auto-pay whitelist).</summary>
    public bool PayAutomatically { get; set; }

    /// <summary>Send the supplier's tracking to the customer's channel as soon as it appears, rather than on the seller's click.</summary>
    public bool PushTrackingAutomatically { get; set; } = true;

    public PricingRule DefaultRule => new(MarkupPercent, FixedAmount, PriceEnding);
}
