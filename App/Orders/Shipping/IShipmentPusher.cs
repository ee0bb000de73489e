using Marketplaces.Connections;

namespace Marketplaces.Orders.Shipping;

/// <summary>
/// Pushes a shipment to one marketplace with its real call. Pushers are discovered by reflection (one public class
/// per marketplace folder). Failures are <see cref="MarketplaceException"/>s: Rejected and ReauthorizationRequired are
/// shown to the seller as the marketplace's message; Transient (timeout, lost connection, 5xx) leaves the shipment
/// unconfirmed, and the next attempt calls <see cref="FindAsync"/> before pushing again.
/// </summary>
public interface IShipmentPusher
{
    string MarketplaceId { get; }

    /// <summary>Creates the shipment at the marketplace; returns the marketplace's id for it when it gives one.</summary>
    Task<string?> PushAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct);

    /// <summary>
    /// Looks at the marketplace for this shipment (same tracking number on the same order) after an attempt whose answer
    /// was lost: what it found, or null when it never arrived.
    /// </summary>
    Task<FoundShipment?> FindAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct);
}

/// <summary>
/// What to push: the stored order (its <see cref="Order.RawPayload"/> holds any marketplace ids the call needs), the
/// lines and quantities shipped, and whether they complete the order.
/// </summary>
public sealed record ShipmentPush(
    Guid ShipmentId, Order Order, IReadOnlyList<ShipmentPushLine> Lines, string Carrier, string TrackingNumber, DateTimeOffset ShippedAt,
    bool CompletesOrder);

public sealed record ShipmentPushLine(OrderLine Line, int Quantity);

/// <param name="ExternalId">The marketplace's id for the shipment, when it has one.</param>
public sealed record FoundShipment(string? ExternalId);
