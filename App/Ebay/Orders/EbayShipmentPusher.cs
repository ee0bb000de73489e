using Marketplaces.Catalog;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Ebay.Orders;

/// <summary>
/// Marks eBay orders shipped with Fulfillment API createShippingFulfillment (ebay.md "Mark shipped"): 201 with the
/// fulfillment's id in <c>Location</c>. After a lost answer, getShippingFulfillments tells whether it arrived.
/// eBay takes letters and digits only in a tracking number, so spaces and dashes the seller typed are dropped.
/// </summary>
public sealed class EbayShipmentPusher : IShipmentPusher
{
    private const string Ebay = "ebay";

    public string MarketplaceId => Ebay;

    public async Task<string?> PushAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var body = new
        {
            lineItems = push.Lines.Select(l => new { lineItemId = l.Line.ExternalLineId, quantity = l.Quantity }).ToArray(),
            shippedDate = EbayOrderMapping.Timestamp(push.ShippedAt),
            shippingCarrierCode = CarrierCode(api.Target.Marketplace.Carriers, push.Carrier),
            trackingNumber = TrackingNumber(push.TrackingNumber),
        };
        using var response = await api.SendAsync(token => Request(api, HttpMethod.Post, FulfillmentsUrl(api, push), token, body), ct);
        await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
        return response.Headers.Location is { } location ? Uri.UnescapeDataString(location.OriginalString.TrimEnd('/').Split('/')[^1]) : null;
    }

    public async Task<FoundShipment?> FindAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => Request(api, HttpMethod.Get, FulfillmentsUrl(api, push), token), ct);
        using var json = await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
        var tracking = TrackingNumber(push.TrackingNumber);
        if (!json.RootElement.TryGetProperty("fulfillments", out var fulfillments) || fulfillments.ValueKind != JsonValueKind.Array) return null;
        return fulfillments.EnumerateArray()
            .Where(f => f.TryGetProperty("shipmentTrackingNumber", out var t) && string.Equals(t.GetString(), tracking, StringComparison.OrdinalIgnoreCase))
            .Select(f => new FoundShipment(f.TryGetProperty("fulfillmentId", out var id) ? id.GetString() : null))
            .FirstOrDefault();
    }

    /// <summary>The tracking number as eBay takes it: letters and digits only.</summary>
    /// <summary>eBay's code for the carrier; one it does not know goes as typed without spaces, for eBay to accept or refuse (32300).</summary>
    public static string CarrierCode(CarrierCodes carriers, string typed) =>
        carriers.For(typed) is { Known: true } known ? known.Code : string.Concat(typed.Where(c => !char.IsWhiteSpace(c)));

    public static string TrackingNumber(string typed) => string.Concat(typed.Where(char.IsAsciiLetterOrDigit));

    private static string FulfillmentsUrl(ConnectionApi api, ShipmentPush push) =>
        $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/sell/fulfillment/v1/order/{Uri.EscapeDataString(push.Order.ExternalId)}/shipping_fulfillment";

    private static HttpRequestMessage Request(ConnectionApi api, HttpMethod method, string url, string accessToken, object? body = null) =>
        EbayRest.Request(api, method, url, accessToken, "sell.fulfillment", body);
}
