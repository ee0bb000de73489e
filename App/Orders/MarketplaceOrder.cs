namespace Marketplaces.Orders;

/// <summary>An order as a feed read it from a marketplace, before it is stored.</summary>
public sealed record MarketplaceOrder(
    string ExternalId, OrderStatus Status, string MarketplaceStatus, string? BuyerName, string Currency, decimal Total,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string RawPayload, IReadOnlyList<MarketplaceOrderLine> Lines)
{
    /// <summary>The number the seller and buyer see (Shopify "#1001", PrestaShop's reference), when it differs from the API id.</summary>
    public string? OrderNumber { get; init; }

    public PostalAddress? ShipTo { get; init; }
}

public sealed record MarketplaceOrderLine(string ExternalLineId, string? Sku, string Title, int Quantity, decimal UnitPrice, string Currency);
