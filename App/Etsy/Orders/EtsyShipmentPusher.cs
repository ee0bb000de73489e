using Marketplaces.Catalog;
using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Etsy.Orders;

/// <summary>
/// createReceiptShipment (etsy.md "Mark shipped"): a form post of <c>tracking_code</c> and <c>carrier_name</c> on the
/// receipt, answered by the whole <c>ShopReceipt</c>; the new entry of its <c>shipments</c> is the shipment. The call
/// names no items and Etsy then shows the whole order shipped and tells the buyer so; a shipment of some items only
/// is therefore refused here rather than announced to the buyer as the whole order. Etsy takes no ship date either.
/// </summary>
public sealed class EtsyShipmentPusher : IShipmentPusher
{
    public const string PartialShipmentRefused =
        "Etsy marks a whole order shipped, not single items, and tells the buyer so. Select every item left to ship to send this tracking number.";

    public string MarketplaceId => "etsy";

    public async Task<string?> PushAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        if (!push.CompletesOrder) throw new MarketplaceException(MarketplaceErrorKind.Rejected, PartialShipmentRefused);
        var form = TrackingForm(api.Target.Marketplace.Carriers, push.Carrier, push.TrackingNumber);
        using var response = await api.SendAsync(token =>
        {
            var request = EtsyApi.ShopRequest(HttpMethod.Post, api, token, $"/receipts/{ReceiptId(push)}/tracking");
            request.Content = new FormUrlEncodedContent(form);
            return request;
        }, ct);
        using var receipt = await MarketplaceHttp.ReadJsonAsync(response, api.Target.Marketplace.Name, ct);
        return ShipmentId(receipt.RootElement, push.TrackingNumber)?.ExternalId;
    }

    public async Task<FoundShipment?> FindAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => EtsyApi.ShopRequest(HttpMethod.Get, api, token, $"/receipts/{ReceiptId(push)}"), ct);
        using var receipt = await MarketplaceHttp.ReadJsonAsync(response, api.Target.Marketplace.Name, ct);
        return ShipmentId(receipt.RootElement, push.TrackingNumber);
    }

    /// <summary>
    /// The form fields; a carrier Etsy does not know goes as <c>other</c>, and its name then reaches the buyer in
    /// <c>note_to_buyer</c> instead of being lost.
    /// </summary>
    public static Dictionary<string, string> TrackingForm(CarrierCodes carriers, string carrier, string trackingNumber)
    {
        var name = carriers.For(carrier);
        var form = new Dictionary<string, string> { ["tracking_code"] = trackingNumber, ["carrier_name"] = name.Code };
        if (!name.Known) form["note_to_buyer"] = $"Shipped with {carrier}, tracking number {trackingNumber}.";
        return form;
    }

    /// <summary>The receipt's shipment with this tracking code: found, with its <c>receipt_shipping_id</c> when Etsy gives one.</summary>
    private static FoundShipment? ShipmentId(JsonElement receipt, string trackingNumber)
    {
        if (!receipt.TryGetProperty("shipments", out var shipments) || shipments.ValueKind != JsonValueKind.Array) return null;
        foreach (var shipment in shipments.EnumerateArray())
        {
            if (!shipment.TryGetProperty("tracking_code", out var code) || code.ValueKind != JsonValueKind.String
                || !SameCode(code.GetString()!, trackingNumber)) continue;
            return new FoundShipment(shipment.TryGetProperty("receipt_shipping_id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n)
                ? n.ToString(CultureInfo.InvariantCulture)
                : null);
        }
        return null;
    }

    private static bool SameCode(string a, string b) =>
        string.Equals(string.Concat(a.Where(c => !char.IsWhiteSpace(c))), string.Concat(b.Where(c => !char.IsWhiteSpace(c))), StringComparison.OrdinalIgnoreCase);

    private static string ReceiptId(ShipmentPush push) =>
        long.TryParse(push.Order.ExternalId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"'{push.Order.ExternalId}' is not an Etsy receipt id.");
}
