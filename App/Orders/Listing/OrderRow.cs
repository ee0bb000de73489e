namespace Marketplaces.Orders.Listing;

/// <summary>One line of the orders list.</summary>
public sealed record OrderRow(
    Guid Id, string Marketplace, Guid ConnectionId, string ConnectionName, string OrderNumber, string? BuyerName, OrderStatus Status,
    string MarketplaceStatus, decimal Total, string Currency, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A page of the list, how many orders match in all, and their totals per currency (never added across currencies).</summary>
public sealed record OrderListPage(IReadOnlyList<OrderRow> Rows, int Count, IReadOnlyList<CurrencyTotal> Totals);

public sealed record CurrencyTotal(string Currency, decimal Amount, int Orders);
