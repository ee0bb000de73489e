using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;
using static Marketplaces.WooCommerce.WooCommerceJson;

namespace Marketplaces.WooCommerce.Orders;

/// <summary>
/// Marks a WooCommerce order shipped (woocommerce.md §6): the tracking goes to the Shipment Tracking extension when
/// the store has it (its route answers), otherwise into a customer note; then the order is updated: completed when
/// the shipment completes it, else it stays processing with the dashboard's partly-shipped meta.
/// </summary>
/// <remarks>
/// The tracking is sent before the status so that the "order completed" email carries it. Only the tracking call
/// creates something; the order update is idempotent, so after a lost answer <see cref="FindAsync"/> repeats it.
/// </remarks>
public sealed class WooCommerceShipmentPusher(TimeProvider clock) : IShipmentPusher
{
    public const string ShipmentTrackingUrl = "shipmentTracking";

    private readonly WooCommerceRest _rest = new(clock);

    public string MarketplaceId => WooCommerceRest.MarketplaceId;

    public async Task<string?> PushAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var trackings = await TrackingsAsync(api, push, ct);
        var id = trackings is null ? await AddNoteAsync(api, push, ct) : await AddTrackingAsync(api, push, ct);
        await UpdateOrderAsync(api, push, ct);
        return id;
    }

    public async Task<FoundShipment?> FindAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var found = await TrackingsAsync(api, push, ct) is { } trackings
            ? trackings.FirstOrDefault(t => string.Equals(t.Number, push.TrackingNumber, StringComparison.OrdinalIgnoreCase)).Id
            : await FindNoteAsync(api, push, ct);
        if (found is null) return null;
        await UpdateOrderAsync(api, push, ct);
        return new FoundShipment(found);
    }

    /// <summary>What a customer reads in the note (and how a lost push's note is found again).</summary>
    public static string Note(ShipmentPush push) =>
        $"Shipped via {push.Carrier}, tracking {push.TrackingNumber} ({push.ShippedAt:yyyy-MM-dd})" +
        (push.CompletesOrder ? "" : ": " + string.Join(", ", push.Lines.Select(l => $"{l.Quantity} × {l.Line.Title}")));

    /// <summary>The items of the Shipment Tracking extension on the order, or null when the store does not have it.</summary>
    private async Task<List<(string? Id, string? Number)>?> TrackingsAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        using var response = await _rest.SendAsync(api, HttpMethod.Get, $"{TrackingOrderUrl(api, push)}/shipment-trackings", null, ct);
        if (!response.IsSuccessStatusCode)
        {
            using var error = await MarketplaceHttp.TryReadJsonAsync(response, ct);
            var failure = WooCommerceError.From(response, error);
            return failure.ErrorCode == "rest_no_route" ? null : throw failure;
        }
        using var json = await MarketplaceHttp.ReadJsonAsync(response, WooCommerceError.From, ct);
        return json.RootElement.ValueKind == JsonValueKind.Array
            ? json.RootElement.EnumerateArray().Select(t => (JsonText.Of(t, "tracking_id"), JsonText.Of(t, "tracking_number"))).ToList()
            : [];
    }

    /// <summary>A provider of the extension's list when the carrier names one, otherwise the carrier as a custom provider.</summary>
    private async Task<string?> AddTrackingAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        var provider = await ProviderAsync(api, push.Carrier, ct);
        var body = new Dictionary<string, string>
        {
            [provider is null ? "custom_tracking_provider" : "tracking_provider"] = provider ?? push.Carrier,
            ["tracking_number"] = push.TrackingNumber,
            ["date_shipped"] = push.ShippedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Post, $"{TrackingOrderUrl(api, push)}/shipment-trackings", body, ct);
        return JsonText.Of(json.RootElement, "tracking_id");
    }

    private async Task<string?> ProviderAsync(ConnectionApi api, string carrier, CancellationToken ct)
    {
        var url = $"{api.Target.Endpoints.Url(ShipmentTrackingUrl)}/shipment-trackings/providers";
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Get, url, null, ct);
        if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
        return json.RootElement.EnumerateObject().Where(region => region.Value.ValueKind == JsonValueKind.Object)
            .SelectMany(region => region.Value.EnumerateObject().Select(p => p.Name))
            .FirstOrDefault(name => Comparable(name) == Comparable(carrier));
    }

    private async Task<string?> AddNoteAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Post, $"{OrderUrl(api, push)}/notes",
            new { note = Note(push), customer_note = true }, ct);
        return Id(json.RootElement);
    }

    private async Task<string?> FindNoteAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Get, $"{OrderUrl(api, push)}/notes?type=customer", null, ct);
        var marker = $"tracking {push.TrackingNumber} (";
        return json.RootElement.ValueKind == JsonValueKind.Array
            ? json.RootElement.EnumerateArray().Where(n => JsonText.Of(n, "note")?.Contains(marker, StringComparison.OrdinalIgnoreCase) == true).Select(Id).FirstOrDefault()
            : null;
    }

    private async Task UpdateOrderAsync(ConnectionApi api, ShipmentPush push, CancellationToken ct)
    {
        object body = push.CompletesOrder
            ? new { status = "completed" }
            : new { meta_data = new[] { new { key = WooCommerceOrderMapping.ShippedMetaKey, value = WooCommerceOrderMapping.PartlyShipped } } };
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Put, OrderUrl(api, push), body, ct);
    }

    private static string OrderUrl(ConnectionApi api, ShipmentPush push) =>
        $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/orders/{Uri.EscapeDataString(push.Order.ExternalId)}";

    private static string TrackingOrderUrl(ConnectionApi api, ShipmentPush push) =>
        $"{api.Target.Endpoints.Url(ShipmentTrackingUrl)}/orders/{Uri.EscapeDataString(push.Order.ExternalId)}";

    private static string Comparable(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
