namespace Marketplaces.Sandbox.Orders;

/// <summary>
/// An order in an emulator's book, in no marketplace's shape: each emulator renders it in its own format. Tests
/// change it through <see cref="SandboxOrderBook.Update"/>, which moves <see cref="ModifiedAt"/> forward.
/// </summary>
public sealed class SandboxOrder
{
    public required string Id { get; init; }
    public int Sequence { get; init; }
    public required string BuyerName { get; init; }
    public required string BuyerEmail { get; init; }
    public required SandboxAddress ShipTo { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; internal set; }
    public SandboxOrderStatus Status { get; set; } = SandboxOrderStatus.AwaitingShipment;
    public string Currency { get; set; } = "USD";
    public decimal ShippingCost { get; set; }
    public required List<SandboxOrderLine> Lines { get; init; }
    public List<SandboxShipment> Shipments { get; } = [];

    public decimal Subtotal => Lines.Sum(l => l.UnitPrice * l.Quantity);
    public decimal Total => Subtotal + ShippingCost;

    public int ShippedQuantity(SandboxOrderLine line) => Shipments.SelectMany(s => s.Lines).Where(l => l.LineId == line.LineId).Sum(l => l.Quantity);
}

public enum SandboxOrderStatus { AwaitingShipment, PartiallyShipped, Shipped, Cancelled }

public sealed class SandboxOrderLine
{
    public required string LineId { get; init; }

    /// <summary>The listing or product the line sold (eBay legacy item id, Etsy listing id, ASIN…).</summary>
    public required string ProductId { get; init; }

    public required string Sku { get; init; }
    public required string Title { get; init; }
    public int Quantity { get; set; }
    public decimal UnitPrice { get; set; }
}

public sealed record SandboxAddress(string Name, string Line1, string City, string Region, string PostalCode, string CountryCode, string Phone);

/// <param name="Id">The emulator's id for the shipment (eBay fulfillment id, Etsy receipt shipment id…).</param>
public sealed record SandboxShipment(string Id, string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, IReadOnlyList<SandboxShippedLine> Lines);

public sealed record SandboxShippedLine(string LineId, int Quantity);
