namespace Marketplaces.Orders;

/// <summary>An order as a feed read it from a marketplace, before it is stored.</summary>
public sealed record MarketplaceOrder(
    string ExternalId, OrderStatus Status, string MarketplaceStatus, string? BuyerName, string Currency, decimal Total,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string RawPayload, IReadOnlyList<MarketplaceOrderLine> Lines)
{
    /// <summary>The number the seller and buyer see (Shopify "#1001", PrestaShop's reference), when it differs from the API id.</summary>
    public string? OrderNumber { get; init; }

    public PostalAddress? ShipTo { get; init; }

    /// <summary>The latest date the marketplace expects the order shipped by (eBay, Amazon, Etsy say; others do not).</summary>
    public DateTimeOffset? ShipBy { get; init; }

    /// <summary>Why the order could not be read; it is then kept as needing attention with the marketplace's own record.</summary>
    public string? Problem { get; init; }

    public static MarketplaceOrder Unreadable(string externalId, string rawPayload, string problem, DateTimeOffset seenAt) =>
        new(externalId, OrderStatus.NeedsAttention, "", null, "", 0m, seenAt, seenAt, rawPayload, []) { Problem = problem };
}

public sealed record MarketplaceOrderLine(string ExternalLineId, string? Sku, string Title, int Quantity, decimal UnitPrice, string Currency);
