using Marketplaces.Ebay.Sandbox;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;

namespace Marketplaces.Tests.Ebay.Orders;

/// <summary>Marking eBay orders shipped through the app's push engine against the emulator.</summary>
public sealed class EbayShipmentPushTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A connected seller, synced, and one of its orders not yet shipped (as stored and as the emulator has it).</summary>
    private async Task<(Order Stored, SandboxOrderBook Book)> UnshippedOrderAsync(string name, Action<SandboxOrder>? change = null)
    {
        var (connection, seller) = await app.ConnectEbayAsync(name);
        var book = app.EbayOrders(seller);
        var target = book.List().First(o => o.Status == SandboxOrderStatus.AwaitingShipment);
        if (change is not null) book.Update(target.Id, change);
        await app.SyncOrdersAsync(connection);
        return ((await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == target.Id), book);
    }

    [Fact]
    public async Task Marking_shipped_creates_one_ebay_fulfillment_whose_location_id_becomes_the_shipments_external_id()
    {
        var (order, book) = await UnshippedOrderAsync("push-seller");

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("Royal Mail", "RM 1234-5678 GB", Today, []), "test");

        Assert.Equal(ShipmentState.Pushed, outcome.State);
        var fulfillment = Assert.Single(book.Find(order.ExternalId)!.Shipments);
        Assert.Equal(("RM12345678GB", "RoyalMail", "RM12345678GB"), (fulfillment.Id, fulfillment.Carrier, fulfillment.TrackingNumber));
        Assert.Equal(Today, DateOnly.FromDateTime(fulfillment.ShippedAt.UtcDateTime));
        Assert.Equal(order.Lines.Select(l => (l.ExternalLineId, l.Quantity)).Order(), fulfillment.Lines.Select(l => (l.LineId, l.Quantity)).Order());
        var shipment = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Pushed, "RM12345678GB", "RM 1234-5678 GB"), (shipment.State, shipment.ExternalId, shipment.TrackingNumber));

        await app.SyncOrdersAsync(order.ConnectionId);
        var synced = (await app.StoredOrdersAsync(order.ConnectionId)).Single(o => o.Id == order.Id);
        Assert.Equal((OrderStatus.Fulfilled, "FULFILLED"), (synced.Status, synced.MarketplaceStatus));
    }

    [Fact]
    public async Task Shipping_part_of_a_line_sends_that_quantity_and_eBay_reports_the_order_in_progress()
    {
        var (order, book) = await UnshippedOrderAsync("partial-push-seller", o => o.Lines[0].Quantity = 3);
        var line = order.Lines.Single(l => l.ExternalLineId == book.Find(order.ExternalId)!.Lines[0].LineId);

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("UPS", "1Z999AA10123456784", Today, [new(line.ExternalLineId, 2)]), "test");

        Assert.Equal(ShipmentState.Pushed, outcome.State);
        Assert.Equal([new SandboxShippedLine(line.ExternalLineId, 2)], Assert.Single(book.Find(order.ExternalId)!.Shipments).Lines);
        await app.SyncOrdersAsync(order.ConnectionId);
        var synced = (await app.StoredOrdersAsync(order.ConnectionId)).Single(o => o.Id == order.Id);
        Assert.Equal((OrderStatus.PartiallyFulfilled, "IN_PROGRESS"), (synced.Status, synced.MarketplaceStatus));
    }

    [Fact]
    public async Task A_shipment_ebay_refuses_shows_ebays_message_and_keeps_the_sellers_input()
    {
        var (order, book) = await UnshippedOrderAsync("refused-push-seller");
        // Shipped on eBay's own site since the last sync: eBay has nothing left to ship on it.
        book.Ship(order.ExternalId, o => new SandboxShipment("SITE1", "USPS", "SITE1", DateTimeOffset.UtcNow,
            o.Lines.Select(l => new SandboxShippedLine(l.LineId, l.Quantity)).ToList()));

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("FedEx", "794698532514", Today, []), "test");

        Assert.Equal(ShipmentState.Rejected, outcome.State);
        Assert.Contains("eBay answered 400: 32600 Invalid input data (Line item ", outcome.Message);
        Assert.Contains("has 0 left to ship", outcome.Message);
        var shipment = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Rejected, "FedEx", "794698532514"), (shipment.State, shipment.Carrier, shipment.TrackingNumber));
        Assert.Contains("32600 Invalid input data", shipment.Error);
        Assert.Contains(await app.OrderEventsAsync(order.Id), e => e.Kind == OrderEventKind.ShipmentRejected && e.Message.Contains("32600"));
        Assert.Single(book.Find(order.ExternalId)!.Shipments);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_fulfillment_instead_of_creating_a_second()
    {
        var (order, book) = await UnshippedOrderAsync("lost-push-seller");
        book.LoseNextShipmentAnswer();
        var input = new ShipmentInput("USPS", "9400 1118 9922 3197 4284 90", Today, []);

        var lost = await app.Shipments.MarkShippedAsync(order.Id, input, "test");

        Assert.Equal(ShipmentState.Unconfirmed, lost.State);
        Assert.Single(book.Find(order.ExternalId)!.Shipments);

        var retried = await app.Shipments.MarkShippedAsync(order.Id, input, "test");

        Assert.Equal(ShipmentState.Pushed, retried.State);
        Assert.Equal("9400111899223197428490", Assert.Single(book.Find(order.ExternalId)!.Shipments).Id);
        var shipment = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Pushed, "9400111899223197428490", 2), (shipment.State, shipment.ExternalId, shipment.Attempts));
    }
}
