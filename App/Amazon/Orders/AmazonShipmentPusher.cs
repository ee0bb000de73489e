using System.Net.Http.Json;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Amazon.Orders;

/// <summary>
/// Marks Amazon orders shipped with Orders v0 confirmShipment (204, no body; the operation exists only in v0). After
/// a lost answer it reads the order with getOrder v2026-01-01 <c>includedData=PACKAGES</c>, whose packages carry the
/// tracking numbers; the package's reference id is the shipment's id at Amazon.
/// </summary>
public sealed class AmazonShipmentPusher(TimeProvider clock) : IShipmentPusher
{
    public string MarketplaceId => AmazonRequests.MarketplaceId;

    public async Task<string?> PushAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var url = AmazonShipmentConfirmation.Url(api.Target.Endpoints.ApiBaseUrl, push.Order.ExternalId);
        var body = AmazonShipmentConfirmation.Body(push, api.Target.Marketplace.Carriers);
        using var response = await api.SendAsync(accessToken => AmazonRequests.Create(api.Connection.AccountId, "confirmShipment", HttpMethod.Post, url,
            accessToken, clock.GetUtcNow(), JsonContent.Create(body)), ct);
        await AmazonApiFailure.Errors.EnsureSuccessAsync(response, ct);
        return AmazonShipmentConfirmation.PackageReferenceId(push.ShipmentId);
    }

    public async Task<FoundShipment?> FindAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var url = $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/orders/2026-01-01/orders/{Uri.EscapeDataString(push.Order.ExternalId)}?includedData=PACKAGES";
        using var response = await api.SendAsync(accessToken =>
            AmazonRequests.Create(api.Connection.AccountId, "getOrder", HttpMethod.Get, url, accessToken, clock.GetUtcNow()), ct);
        using var json = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
        var packages = json.RootElement.TryGetProperty("order", out var order) && order.TryGetProperty("packages", out var list)
                       && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        var found = packages.FirstOrDefault(p => JsonText.Of(p, "trackingNumber") is { } tracking
                                                 && string.Equals(tracking.Trim(), push.TrackingNumber, StringComparison.OrdinalIgnoreCase));
        return found.ValueKind == JsonValueKind.Object ? new FoundShipment(JsonText.Of(found, "packageReferenceId")) : null;
    }
}
