namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>One order in the emulator's book for a seller; tests change it through <see cref="EbaySandboxOrders.Update"/>.</summary>
public sealed class EbaySandboxOrder
{
    public required string OrderId { get; init; }
    public required string BuyerUsername { get; init; }
    public DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset LastModifiedDate { get; internal set; }

    /// <summary>NOT_STARTED, IN_PROGRESS or FULFILLED (OrderFulfillmentStatus).</summary>
    public string FulfillmentStatus { get; set; } = "NOT_STARTED";

    /// <summary>CANCELED, IN_PROGRESS or NONE_REQUESTED (CancelStateEnum).</summary>
    public string CancelState { get; set; } = "NONE_REQUESTED";

    public decimal ShippingCost { get; set; }
    public required List<EbaySandboxLineItem> LineItems { get; init; }

    public string Currency => "USD";
    public decimal Subtotal => LineItems.Sum(l => l.UnitPrice * l.Quantity);
    public decimal Total => Subtotal + ShippingCost;
}

public sealed class EbaySandboxLineItem
{
    public required string LineItemId { get; init; }
    public required string LegacyItemId { get; init; }
    public required string Sku { get; init; }
    public required string Title { get; init; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}
