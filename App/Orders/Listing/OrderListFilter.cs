namespace Marketplaces.Orders.Listing;

/// <summary>What the orders list is narrowed to; every part optional. Dates are whole UTC days, both ends included.</summary>
public sealed record OrderListFilter(
    string? Marketplace = null, Guid? ConnectionId = null, OrderStatus? Status = null, DateOnly? From = null, DateOnly? To = null, string? Search = null);

/// <summary>A sortable column of the list and its direction.</summary>
public sealed record OrderSort(OrderSortColumn Column, bool Descending)
{
    public static readonly OrderSort Newest = new(OrderSortColumn.CreatedAt, true);
}

public enum OrderSortColumn { CreatedAt, UpdatedAt, OrderNumber, Buyer, Total, Status, Marketplace }
