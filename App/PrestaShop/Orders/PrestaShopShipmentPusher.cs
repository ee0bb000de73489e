using System.Text.Json;
using System.Xml.Linq;
using Marketplaces.Connections;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.PrestaShop.Orders;

/// <summary>
/// Marks a PrestaShop order shipped as the back office does (prestashop.md §4.5): the shipping number on the order's
/// carrier (GET order_carriers by id_order, PUT it back whole with tracking_number, since PUT replaces), then the
/// shop's Shipped state (PS_OS_SHIPPING) by POST order_histories, both with <c>sendemail=1</c> so the buyer hears of
/// it. Each step is skipped when already done, so pushing again after a lost answer completes without repeating.
/// The shipment's id is the order_carrier id. The carrier is the one the buyer chose at checkout: the seller's
/// carrier text has no field to go to.
/// </summary>
public sealed class PrestaShopShipmentPusher : IShipmentPusher
{
    public string MarketplaceId => "prestashop";

    public async Task<string?> PushAsync(ConnectionApi connection, ShipmentPush push, CancellationToken ct)
    {
        if (!push.CompletesOrder)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "PrestaShop keeps one shipping number per order and no shipped quantities per line: mark all of the order's remaining lines shipped at once.");
        var api = new PrestaShopApi(connection);
        var orderId = push.Order.ExternalId;
        var carrier = await OrderCarrierAsync(api, orderId, ct) ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected,
            $"PrestaShop has no carrier on order {orderId} (an order of virtual products only is not shipped).");
        var carrierId = PrestaShopJson.Text(carrier, "id")!;
        if (!SameTracking(carrier, push.TrackingNumber))
            await api.WriteAsync(HttpMethod.Put, $"order_carriers/{carrierId}?sendemail=1", WithTracking(carrier, push.TrackingNumber), ct);
        if (!await IsShippedAsync(api, orderId, ct))
        {
            var shipped = (await PrestaShopShopSettings.ReadAsync(api, ct)).ShippedState ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "PrestaShop did not give its Shipped order state (configuration PS_OS_SHIPPING).");
            await api.WriteAsync(HttpMethod.Post, "order_histories?sendemail=1",
                new XElement("order_history", new XElement("id_order", orderId), new XElement("id_order_state", shipped)), ct);
        }
        return carrierId;
    }

    public async Task<FoundShipment?> FindAsync(ConnectionApi connection, ShipmentPush push, CancellationToken ct)
    {
        var api = new PrestaShopApi(connection);
        var carrier = await OrderCarrierAsync(api, push.Order.ExternalId, ct);
        return carrier is { } found && SameTracking(found, push.TrackingNumber) && await IsShippedAsync(api, push.Order.ExternalId, ct)
            ? new FoundShipment(PrestaShopJson.Text(found, "id"))
            : null;
    }

    /// <summary>The order_carrier document with the shipping number set, every other field as read (PUT replaces the whole row).</summary>
    public static XElement WithTracking(JsonElement carrier, string tracking) => new("order_carrier",
        carrier.EnumerateObject().Select(field => new XElement(field.Name,
            field.Name == "tracking_number" ? tracking : PrestaShopJson.Text(carrier, field.Name) ?? "")));

    private static async Task<JsonElement?> OrderCarrierAsync(PrestaShopApi api, string orderId, CancellationToken ct)
    {
        var carriers = await api.ListAsync("order_carriers",
            PrestaShopQuery.Build(("display", "full"), ("filter[id_order]", $"[{orderId}]"), ("sort", "[id_ASC]")), ct);
        return carriers.Count > 0 ? carriers[0] : null;
    }

    /// <summary>Whether the order's current state is one the shop counts as shipped (Shipped, Delivered…).</summary>
    private static async Task<bool> IsShippedAsync(PrestaShopApi api, string orderId, CancellationToken ct)
    {
        var orders = await api.ListAsync("orders", PrestaShopQuery.Build(("display", "[id,current_state]"), ("filter[id]", $"[{orderId}]")), ct);
        if (orders.Count == 0) throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"PrestaShop has no order {orderId} any more.");
        var state = PrestaShopJson.Text(orders[0], "current_state") ?? "";
        return (await api.ByIdAsync("order_states", [state], ct)).TryGetValue(state, out var row) && PrestaShopJson.Text(row, "shipped") == "1";
    }

    private static bool SameTracking(JsonElement carrier, string tracking) =>
        string.Equals(PrestaShopJson.Text(carrier, "tracking_number")?.Trim(), tracking, StringComparison.OrdinalIgnoreCase);
}
