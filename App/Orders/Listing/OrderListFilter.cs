namespace Marketplaces.Orders.Listing;

/// <summary>
/// What the orders list is narrowed to; every part optional. Dates are whole UTC days, both ends included.
/// <paramref name="AwaitingShipment"/> is the dashboard's "Awaiting shipment": unfulfilled or partly fulfilled.
/// </summary>
public sealed record OrderListFilter(
    string? Marketplace = null, Guid? ConnectionId = null, OrderStatus? Status = null, DateOnly? From = null, DateOnly? To = null, string? Search = null,
    bool AwaitingShipment = false);

/// <summary>A sortable column of the list and its direction.</summary>
public sealed record OrderSort(OrderSortColumn Column, bool Descending)
{
    public static readonly OrderSort Newest = new(OrderSortColumn.CreatedAt, true);
}

public enum OrderSortColumn { CreatedAt, UpdatedAt, OrderNumber, Buyer, Total, Status, Marketplace, ShipBy }
