using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Orders.Detail;

/// <summary>Everything the order page shows: the order with its lines, where it came from, its shipments and history.</summary>
/// <param name="MarketplaceLink">The order's page on the marketplace, when the catalog has one for the environment.</param>
/// <param name="CanPush">Whether shipping can be pushed to this marketplace.</param>
public sealed record OrderDetail(
    Order Order, Connection Connection, string MarketplaceName, string? MarketplaceLink, IReadOnlyList<Shipment> Shipments,
    IReadOnlyList<OrderEvent> Events, bool CanPush)
{
    /// <summary>How many of a line the marketplace has accepted as shipped.</summary>
    public int Shipped(OrderLine line) =>
        Shipments.Where(s => s.State == ShipmentState.Pushed).SelectMany(s => s.Lines).Where(l => l.ExternalLineId == line.ExternalLineId).Sum(l => l.Quantity);

    public int Remaining(OrderLine line) => Math.Max(0, line.Quantity - Shipped(line));
}
