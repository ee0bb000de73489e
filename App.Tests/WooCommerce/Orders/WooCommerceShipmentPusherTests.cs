using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Marketplaces.WooCommerce.Orders;
using Marketplaces.WooCommerce.Sandbox.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Tests.WooCommerce.Orders;

/// <summary>Mark shipped through the push engine to the emulator, with and without the Shipment Tracking extension.</summary>
public sealed class WooCommerceShipmentPusherTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static readonly DateOnly ShipDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));

    /// <summary>A connected store, synced, and an order of it awaiting shipment (with at least two lines when asked).</summary>
    private async Task<(WooCommerceStores.Store Store, SandboxOrder Order, Order Row)> OrderAsync(string site, bool tracking, bool severalLines = false)
    {
        var store = await WooCommerceStores.ConnectAsync(app, site, tracking);
        var added = store.Site.Book.AddMany(6).First(o => !severalLines || o.Lines.Count > 1);
        await app.SyncOrdersAsync(store.Connection);
        var row = (await app.StoredOrdersAsync(store.Connection)).Single(o => o.ExternalId == added.Id);
        return (store, added, row);
    }

    private static string Status(WooCommerceStores.Store store, SandboxOrder order) =>
        store.Site.Book.Read(_ => WooCommerceOrderJson.Status(order, store.Site.Extras(order.Id)));

    [Fact]
    public async Task Without_the_extension_the_tracking_goes_into_a_customer_note_and_the_order_is_completed()
    {
        var (store, order, row) = await OrderAsync("ship-note", tracking: false);

        var outcome = await app.Shipments.MarkShippedAsync(row.Id, new ShipmentInput("DHL", "00340434161234567890", ShipDate, []), "test");

        Assert.True(outcome.Succeeded, outcome.Message);
        var note = Assert.Single(store.Site.Extras(order.Id).Notes());
        Assert.Equal($"Shipped via DHL, tracking 00340434161234567890 ({ShipDate:yyyy-MM-dd})", note.Note);
        Assert.True(note.CustomerNote);
        Assert.Equal("completed", Status(store, order));
        Assert.Empty(store.Site.Extras(order.Id).Trackings());
        Assert.Equal(note.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(await app.StoredShipmentsAsync(row.Id)).ExternalId);
        Assert.Equal("00340434161234567890", Assert.Single(store.Site.Book.Find(order.Id)!.Shipments).TrackingNumber);
    }

    [Fact]
    public async Task A_partial_shipment_keeps_the_order_processing_and_marks_it_partly_shipped_for_the_next_sync()
    {
        var (store, order, row) = await OrderAsync("ship-partial", tracking: false, severalLines: true);
        var line = row.Lines[0];

        var outcome = await app.Shipments.MarkShippedAsync(row.Id, new ShipmentInput("UPS", "1Z999AA10123456784", ShipDate,
            [new ShipmentLine(line.ExternalLineId, line.Quantity)]), "test");
        await app.SyncOrdersAsync(store.Connection);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("processing", Status(store, order));
        Assert.Contains(store.Site.Extras(order.Id).Meta(), m => m.Key == WooCommerceOrderMapping.ShippedMetaKey && m.Value == WooCommerceOrderMapping.PartlyShipped);
        Assert.EndsWith($": {line.Quantity} × {line.Title}", Assert.Single(store.Site.Extras(order.Id).Notes()).Note);
        var synced = (await app.StoredOrdersAsync(store.Connection)).Single(o => o.Id == row.Id);
        Assert.Equal(OrderStatus.PartiallyFulfilled, synced.Status);
        Assert.Equal("processing", synced.MarketplaceStatus);
    }

    [Theory]
    [InlineData("USPS", "USPS", "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=9400111899560000000000")]
    [InlineData("fedex", "Fedex", "https://www.fedex.com/fedextrack/?tracknumbers=9400111899560000000000")]
    [InlineData("Example Courier", "Example Courier", "")]
    public async Task With_the_extension_the_tracking_goes_to_its_endpoint_with_a_listed_or_custom_provider(string carrier, string provider, string link)
    {
        var (store, order, row) = await OrderAsync($"ship-tracking-{carrier.Replace(' ', '-').ToLowerInvariant()}", tracking: true);

        var outcome = await app.Shipments.MarkShippedAsync(row.Id, new ShipmentInput(carrier, "9400111899560000000000", ShipDate, []), "test");

        Assert.True(outcome.Succeeded, outcome.Message);
        var item = Assert.Single(store.Site.Extras(order.Id).Trackings());
        Assert.Equal((provider, link, "9400111899560000000000", ShipDate), (item.Provider, item.Link, item.Number, item.DateShipped));
        Assert.Empty(store.Site.Extras(order.Id).Notes());
        Assert.Equal("completed", Status(store, order));
        Assert.Equal(item.TrackingId, Assert.Single(await app.StoredShipmentsAsync(row.Id)).ExternalId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_shipment_for_an_order_the_store_does_not_have_shows_woocommerces_error_and_keeps_the_input(bool tracking)
    {
        var (_, _, row) = await OrderAsync($"ship-rejected-{tracking}".ToLowerInvariant(), tracking);
        await using (var db = await app.ContextAsync())
            await db.Set<Order>().Where(o => o.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ExternalId, "999999"));

        var outcome = await app.Shipments.MarkShippedAsync(row.Id, new ShipmentInput("DHL", "JD014600006281230704", ShipDate, []), "test");

        Assert.Equal(ShipmentState.Rejected, outcome.State);
        Assert.Contains("404: woocommerce_rest_order_invalid_id (Invalid order ID.)", outcome.Message);
        var shipment = Assert.Single(await app.StoredShipmentsAsync(row.Id));
        Assert.Equal(("DHL", "JD014600006281230704"), (shipment.Carrier, shipment.TrackingNumber));
        Assert.Contains(await app.OrderEventsAsync(row.Id), e => e.Kind == OrderEventKind.ShipmentRejected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retry_after_a_lost_answer_finds_the_shipment_completes_the_order_and_creates_nothing_twice(bool tracking)
    {
        var (store, order, row) = await OrderAsync($"ship-retry-{tracking}".ToLowerInvariant(), tracking);
        var input = new ShipmentInput("DHL", "JJD0099999999", ShipDate, []);
        store.Site.Book.LoseNextShipmentAnswer();

        var lost = await app.Shipments.MarkShippedAsync(row.Id, input, "test");
        var statusAfterLoss = Status(store, order);
        var retried = await app.Shipments.MarkShippedAsync(row.Id, input, "test");

        Assert.Equal(ShipmentState.Unconfirmed, lost.State);
        Assert.Equal("processing", statusAfterLoss);
        Assert.True(retried.Succeeded, retried.Message);
        Assert.Equal(1, store.Site.Extras(order.Id).Notes().Count + store.Site.Extras(order.Id).Trackings().Count);
        Assert.Single(store.Site.Book.Find(order.Id)!.Shipments);
        Assert.Equal("completed", Status(store, order));
        Assert.Equal(ShipmentState.Pushed, Assert.Single(await app.StoredShipmentsAsync(row.Id)).State);
    }
}
