namespace Marketplaces.Orders;

/// <summary>
/// An order as read, made storable (<see cref="StoredText"/>): every text cleaned and cut to what its column's
/// indexes take on every provider (a PostgreSQL B-tree entry holds at most about 2.7 KB, covering columns included).
/// </summary>
internal static class StorableOrder
{
    private const int Key = 255;
    private const int Name = 500;
    private const int Long = 2_000;

    public static MarketplaceOrder Of(MarketplaceOrder order) => order with
    {
        ExternalId = StoredText.Clean(order.ExternalId, Key),
        OrderNumber = StoredText.Clean(order.OrderNumber, Key),
        MarketplaceStatus = StoredText.Clean(order.MarketplaceStatus, Key),
        BuyerName = StoredText.Clean(order.BuyerName, Name),
        Currency = StoredText.Clean(order.Currency, 16),
        Problem = StoredText.Clean(order.Problem, Long),
        ShipTo = order.ShipTo is { } a
            ? new PostalAddress(Text(a.Name), Text(a.Line1), Text(a.Line2), Text(a.City), Text(a.Region), Text(a.PostalCode), Text(a.CountryCode), Text(a.Phone))
            : null,
        Lines = order.Lines.Select(l => l with
        {
            ExternalLineId = StoredText.Clean(l.ExternalLineId, Key),
            Sku = StoredText.Clean(l.Sku, Key),
            Title = StoredText.Clean(l.Title, Long),
            Currency = StoredText.Clean(l.Currency, 16),
        }).ToList(),
    };

    /// <summary>The search text is covered by the orders list's index, so it is held under that index's entry size.</summary>
    public static string Cut(string searchText) => StoredText.Clean(searchText, 1_000);

    private static string? Text(string? text) => StoredText.Clean(text, Name);
}
