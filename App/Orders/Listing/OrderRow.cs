namespace Marketplaces.Orders.Listing;

/// <summary>One line of the orders list.</summary>
/// <param name="Country">Where it ships (ISO country code), when the marketplace says.</param>
/// <param name="ShipBy">When the marketplace expects it shipped by, when it says.</param>
public sealed record OrderRow(
    Guid Id, string Marketplace, Guid ConnectionId, string ConnectionName, string OrderNumber, string? BuyerName, OrderStatus Status,
    string MarketplaceStatus, decimal Total, string Currency, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Country = null,
    DateTimeOffset? ShipBy = null)
{
    public IReadOnlyList<OrderRowItem> Items { get; init; } = [];

    // A row is its order: equal by id, so the list's selection survives its reloads (new orders, pushed shipments).
    public bool Equals(OrderRow? other) => other is not null && other.Id == Id;

    public override int GetHashCode() => Id.GetHashCode();
}

/// <param name="Name">The SKU, or the title where the line has none.</param>
public sealed record OrderRowItem(string Name, int Quantity);

/// <summary>A page of the list, how many orders match in all, and their totals per currency (never added across currencies).</summary>
public sealed record OrderListPage(IReadOnlyList<OrderRow> Rows, int Count, IReadOnlyList<CurrencyTotal> Totals);

public sealed record CurrencyTotal(string Currency, decimal Amount, int Orders);
