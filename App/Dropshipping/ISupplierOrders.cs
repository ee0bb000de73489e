using Marketplaces.Connections;

namespace Marketplaces.Dropshipping;

/// <summary>Ordering from a supplier (AliExpress's DS order APIs) through the supplier connection's <see cref="ConnectionApi"/>.</summary>
public interface ISupplierOrders
{
    string MarketplaceId { get; }

    /// <summary>Places the order; sending the same request again (same out-order id) never orders twice.</summary>
    Task<SupplierPlacement> PlaceAsync(ConnectionApi api, SupplierOrderRequest request, CancellationToken ct);

    Task<SupplierOrderStatus> StatusAsync(ConnectionApi api, string supplierOrderId, CancellationToken ct);

    /// <summary>The parcels the supplier sent, with tracking; empty before it ships.</summary>
    Task<IReadOnlyList<SupplierParcel>> TrackingAsync(ConnectionApi api, string supplierOrderId, CancellationToken ct);
}

/// <param name="OutOrderId">The app's own id for the order, which the supplier keeps to refuse a second order.</param>
/// <param name="TryToPay">Asks the supplier to charge the buyer account's saved payment method at once.</param>
public sealed record SupplierOrderRequest(string OutOrderId, SupplierAddress Address, IReadOnlyList<SupplierOrderItem> Items, bool TryToPay);

/// <param name="SkuAttr">As the supplier listed the SKU; empty for a product sold as one SKU.</param>
/// <param name="Service">The logistics service's code.</param>
public sealed record SupplierOrderItem(string ProductId, string SkuAttr, int Count, string Service);

/// <summary>The buyer's address as the supplier ships to it. Personal data: never logged.</summary>
/// <param name="TaxNumber">Brazil's CPF and other countries' buyer tax ids.</param>
public sealed record SupplierAddress(
    string FullName, string Line1, string? Line2, string City, string Province, string Country, string Zip, string Phone, string? TaxNumber);

/// <summary>Placed (the supplier's order ids) or refused (its error code and message, in its words).</summary>
public sealed record SupplierPlacement(IReadOnlyList<string> OrderIds, string? ErrorCode, string? ErrorMessage)
{
    public bool Placed => OrderIds.Count > 0;
}

public enum SupplierOrderProgress
{
    AwaitingPayment,
    Processing,
    Shipped,
    Closed,
}

/// <param name="Status">The supplier's own status name (WAIT_SELLER_SEND_GOODS).</param>
/// <param name="Amount">What the order costs the dropshipper, shipping included.</param>
/// <param name="EndReason">Why a closed order ended (pay_timeout), when it says.</param>
public sealed record SupplierOrderStatus(SupplierOrderProgress Progress, string Status, decimal? Amount, string? Currency, string? EndReason);

public sealed record SupplierParcel(string TrackingNumber, string Carrier);
