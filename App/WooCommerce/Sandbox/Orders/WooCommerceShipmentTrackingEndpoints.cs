using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.WooCommerce.Sandbox.Orders;

/// <summary>
/// The Shipment Tracking extension's routes (woocommerce.md §6.1), present only on a site that has it active;
/// elsewhere WordPress knows no such route.
/// </summary>
public sealed class WooCommerceShipmentTrackingEndpoints(WooCommerceRestCallers callers, TimeProvider clock)
{
    private const string Root = "/wp-json/wc-shipment-tracking/v3";

    /// <summary>A part of the extension's provider list: region → provider name → tracking URL with %1$s for the number.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Providers = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["United States"] = new Dictionary<string, string>
        {
            ["Fedex"] = "https://www.fedex.com/fedextrack/?tracknumbers=%1$s",
            ["UPS"] = "https://www.ups.com/track?tracknum=%1$s",
            ["USPS"] = "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=%1$s",
            ["DHL US"] = "https://www.logistics.dhl/us-en/home/tracking/tracking-ecommerce.html?tracking-id=%1$s",
        },
        ["United Kingdom"] = new Dictionary<string, string>
        {
            ["Royal Mail"] = "https://www.royalmail.com/track-your-item#/tracking-results/%1$s",
            ["DPD.co.uk"] = "https://www.dpd.co.uk/apps/tracking/?reference=%1$s",
        },
        ["Germany"] = new Dictionary<string, string>
        {
            ["DHL Intraship (DE)"] = "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=%1$s",
            ["Hermes"] = "https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#%1$s",
        },
    };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(Root + "/orders/{id:long}/shipment-trackings", ListAsync);
        routes.MapPost(Root + "/orders/{id:long}/shipment-trackings", CreateAsync);
        routes.MapGet(Root + "/shipment-trackings/providers", ProvidersList);
    }

    private async Task<IResult> ListAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        if (!caller.Site.ShipmentTracking) return WooCommerceErrors.NoRoute();
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        var orderId = id.ToString(CultureInfo.InvariantCulture);
        if (caller.Site.Book.Find(orderId) is null) return WooCommerceOrdersEndpoints.InvalidOrderId();
        return Results.Json(caller.Site.Extras(orderId).Trackings().Select(t => WooCommerceOrderJson.Tracking(orderId, t, caller.Home)).ToArray());
    }

    /// <summary>A provider of the list, or a custom one (name and optional link); the number is required, the date defaults to today.</summary>
    private async Task<IResult> CreateAsync(HttpRequest request, long id, CancellationToken ct)
    {
        var caller = await callers.ForAsync(request, ct);
        if (caller.Error is not null) return caller.Error;
        if (!caller.Site.ShipmentTracking) return WooCommerceErrors.NoRoute();
        var (body, bodyError) = await WooCommerceRestCallers.BodyAsync(request, ct);
        if (bodyError is not null) return bodyError;
        string? Text(string name) => body!.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } t ? t : null;
        var number = Text("tracking_number");
        if (number is null) return WooCommerceErrors.MissingParams("tracking_number");
        var (provider, custom) = (Text("tracking_provider"), Text("custom_tracking_provider"));
        if (provider is null && custom is null) return WooCommerceErrors.MissingParams("tracking_provider");
        var today = DateOnly.FromDateTime((clock.GetUtcNow() + WooCommerceSandboxStore.GmtOffset).UtcDateTime);
        var shipped = today;
        if (Text("date_shipped") is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out shipped))
            return WooCommerceErrors.InvalidParams(new Dictionary<string, (string, string)> { ["date_shipped"] = ("rest_invalid_date", "Invalid date.") });
        if (caller.Anonymous) return WooCommerceErrors.Rest(401, "woocommerce_rest_cannot_create", "Sorry, you are not allowed to create resources.");

        var site = caller.Site;
        var orderId = id.ToString(CultureInfo.InvariantCulture);
        if (site.Book.Find(orderId) is null) return WooCommerceOrdersEndpoints.InvalidOrderId();
        // A provider not in the list is kept as named, without a link, as the extension does.
        var listed = Providers.Values.SelectMany(p => p).Where(p => p.Key.Equals(provider, StringComparison.OrdinalIgnoreCase))
            .Select(p => (Name: p.Key, Link: p.Value)).FirstOrDefault();
        var link = listed.Link ?? (provider is null ? Text("custom_tracking_link") : null) ?? "";
        var item = new WooCommerceTrackingItem(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            listed.Name ?? provider ?? custom!, link.Replace("%1$s", Uri.EscapeDataString(number), StringComparison.Ordinal), number, shipped);
        site.Extras(orderId).Add(item);
        site.Book.Update(orderId, o => o.Shipments.Add(new SandboxShipment(item.TrackingId, item.Provider, number,
            new DateTimeOffset(shipped, TimeOnly.MinValue, TimeSpan.Zero), [])));
        if (site.Book.TakeLostAnswer())
        {
            request.HttpContext.Abort();
            return Results.Empty;
        }
        return Results.Created(WooCommerceOrderJson.TrackingUrl(caller.Home, orderId, item.TrackingId), WooCommerceOrderJson.Tracking(orderId, item, caller.Home));
    }

    /// <summary>Public, as the extension registers it without a permission check.</summary>
    private IResult ProvidersList(HttpRequest request) =>
        callers.Site(request).Site.ShipmentTracking ? Results.Json(Providers) : WooCommerceErrors.NoRoute();
}
