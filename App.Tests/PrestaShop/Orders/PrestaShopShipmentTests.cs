using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.PrestaShop;
using Marketplaces.PrestaShop.Sandbox;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.PrestaShop.Orders;

/// <summary>Marking PrestaShop orders shipped through the push engine against the emulator; each test ships an order of its own.</summary>
public sealed class PrestaShopShipmentTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private const string Tracking = "1Z999AA10123456784";

    private PrestaShopEmulator Emulator => app.Services.GetServices<ISandboxEmulator>().OfType<PrestaShopEmulator>().Single();

    private static ShipmentInput Input(params ShipmentLine[] lines) => new("UPS", Tracking, DateOnly.FromDateTime(DateTime.UtcNow), lines);

    /// <summary>A new order at the shop, synced into the app.</summary>
    private async Task<(Guid Connection, Order Order, SandboxOrder AtShop)> NewOrderAsync(Action<SandboxOrder>? change = null)
    {
        var connection = await app.ConnectAsync("prestashop", "shop");
        var atShop = Emulator.Book().Add();
        if (change is not null) Emulator.Book().Update(atShop.Id, change);
        await app.SyncOrdersAsync(connection);
        return (connection, (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == atShop.Id), atShop);
    }

    [Fact]
    public async Task Marking_shipped_sets_the_tracking_on_the_order_carrier_and_the_shipped_state()
    {
        var (connection, order, atShop) = await NewOrderAsync();

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, Input(), "test");

        Assert.True(outcome.Succeeded, outcome.Message);
        var shipment = Assert.Single(Emulator.Book().Find(atShop.Id)!.Shipments);
        Assert.Equal((Tracking, PrestaShopOrderRows.CarrierName), (shipment.TrackingNumber, shipment.Carrier));
        Assert.Equal(SandboxOrderStatus.Shipped, Emulator.Book().Find(atShop.Id)!.Status);
        Assert.Equal("4", Assert.Single(Emulator.Histories.Of(atShop.Id)).Values["id_order_state"]);
        Assert.Equal(atShop.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(await app.StoredShipmentsAsync(order.Id)).ExternalId);

        await app.SyncOrdersAsync(connection);
        var synced = (await app.StoredOrdersAsync(connection)).Single(o => o.Id == order.Id);
        Assert.Equal((OrderStatus.Fulfilled, "Shipped"), (synced.Status, synced.MarketplaceStatus));
        var stored = (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(connection))!;
        var target = await app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync(stored.Marketplace, stored.Environment, stored.AccountParameter);
        using var http = new HttpClient();
        Assert.Contains(Tracking, await http.GetStringAsync(OrderLink.For(target.Endpoints, synced)));
    }

    [Fact]
    public async Task Shipping_part_of_an_order_is_refused_since_prestashop_has_one_shipping_number_per_order()
    {
        var (_, order, atShop) = await NewOrderAsync(o => o.Lines[0].Quantity = 2);

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, Input(new ShipmentLine(order.Lines[0].ExternalLineId, 1)), "test");

        Assert.Equal(ShipmentState.Rejected, outcome.State);
        Assert.Contains("PrestaShop keeps one shipping number per order", outcome.Message);
        Assert.Empty(Emulator.Book().Find(atShop.Id)!.Shipments);
        Assert.Empty(Emulator.Histories.Of(atShop.Id));
    }

    [Fact]
    public async Task A_refused_push_shows_prestashops_message_and_keeps_the_sellers_input()
    {
        var (connection, order, atShop) = await NewOrderAsync();
        var key = (await app.SecretsAsync(connection))[PrestaShopKeyConnector.WebserviceKey];
        Emulator.Keys.SetReadOnly(key, true);
        try
        {
            var outcome = await app.Shipments.MarkShippedAsync(order.Id, Input(), "test");

            Assert.Equal(ShipmentState.Rejected, outcome.State);
            Assert.Contains("Method PUT is not allowed for the resource order_carriers with this authentication key (25)", outcome.Message);
            var stored = Assert.Single(await app.StoredShipmentsAsync(order.Id));
            Assert.Equal(("UPS", Tracking, ShipmentState.Rejected), (stored.Carrier, stored.TrackingNumber, stored.State));
            Assert.Contains("Method PUT is not allowed", stored.Error);
            Assert.Empty(Emulator.Book().Find(atShop.Id)!.Shipments);
        }
        finally
        {
            Emulator.Keys.SetReadOnly(key, false);
        }
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_shipment_and_does_not_ship_twice()
    {
        var (_, order, atShop) = await NewOrderAsync();
        Emulator.Book().LoseNextShipmentAnswer();

        var lost = await app.Shipments.MarkShippedAsync(order.Id, Input(), "test");
        var retried = await app.Shipments.MarkShippedAsync(order.Id, Input(), "test");

        Assert.Equal(ShipmentState.Unconfirmed, lost.State);
        Assert.True(retried.Succeeded, retried.Message);
        Assert.Single(Emulator.Histories.Of(atShop.Id));
        Assert.Single(Emulator.Book().Find(atShop.Id)!.Shipments);
        var stored = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Pushed, 2), (stored.State, stored.Attempts));
    }
}
