namespace Marketplaces.Orders.Listing;

/// <summary>The list's sortable columns by the grid's column names (the <see cref="OrderRow"/> properties).</summary>
public static class OrderColumns
{
    public static OrderSortColumn? Sort(string column) => column switch
    {
        nameof(OrderRow.BuyerName) => OrderSortColumn.Buyer,
        _ => Enum.TryParse<OrderSortColumn>(column, out var parsed) ? parsed : null,
    };
}
