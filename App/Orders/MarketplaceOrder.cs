namespace Marketplaces.Orders;

/// <summary>An order as a feed read it from a marketplace, before it is stored.</summary>
public sealed record MarketplaceOrder(
    string ExternalId, OrderStatus Status, string MarketplaceStatus, string? BuyerName, string Currency, decimal Total,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string RawPayload, IReadOnlyList<MarketplaceOrderLine> Lines);

public sealed record MarketplaceOrderLine(string ExternalLineId, string? Sku, string Title, int Quantity, decimal UnitPrice, string Currency);
