using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Amazon.Orders;

/// <summary>The body of Orders v0 confirmShipment (ordersV0.json ConfirmShipmentRequest) for one pushed shipment.</summary>
public static class AmazonShipmentConfirmation
{
    public static string Url(string apiBase, string orderId) =>
        $"{apiBase.TrimEnd('/')}/orders/v0/orders/{Uri.EscapeDataString(orderId)}/shipmentConfirmation";

    /// <summary>
    /// The package's id within the order: the model takes "only positive numeric values", so it is derived from our
    /// shipment id, the same on every retry of the same shipment.
    /// </summary>
    public static string PackageReferenceId(Guid shipmentId) =>
        (BitConverter.ToUInt32(shipmentId.ToByteArray(), 0) % 999_999_999 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body; a carrier Amazon does not know goes as Other, with its name in carrierName.</summary>
    public static object Body(ShipmentPush push, CarrierCodes carriers)
    {
        var carrier = carriers.For(push.Carrier);
        var (carrierCode, carrierName) = (carrier.Code, carrier.Known ? null : push.Carrier.Trim());
        return new Dictionary<string, object>
        {
            ["marketplaceId"] = MarketplaceId(push.Order.RawPayload),
            ["packageDetail"] = new Dictionary<string, object?>
            {
                ["packageReferenceId"] = PackageReferenceId(push.ShipmentId),
                ["carrierCode"] = carrierCode,
                ["carrierName"] = carrierName,
                ["trackingNumber"] = push.TrackingNumber,
                ["shipDate"] = AmazonOrderMapping.Timestamp(push.ShippedAt),
                ["orderItems"] = push.Lines.Select(l => new { orderItemId = l.Line.ExternalLineId, quantity = l.Quantity }).ToArray(),
            }.Where(p => p.Value is not null).ToDictionary(),
        };
    }

    /// <summary>The marketplace the order was placed in (salesChannel.marketplaceId of the order as read).</summary>
    private static string MarketplaceId(string rawOrder)
    {
        using var json = JsonDocument.Parse(rawOrder);
        return json.RootElement.TryGetProperty("salesChannel", out var channel) && channel.ValueKind == JsonValueKind.Object
               && channel.TryGetProperty("marketplaceId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } marketplaceId
            ? marketplaceId
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Amazon did not say which marketplace this order was placed in, which confirming a shipment needs.");
    }
}
