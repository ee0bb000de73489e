using Marketplaces.Etsy.Orders;
using Marketplaces.Etsy.Sandbox;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Etsy.Orders;

/// <summary>Marking Etsy receipts shipped through the app: the form post reaching the emulator, refusals, and a retry after a lost answer.</summary>
public sealed class EtsyShipmentTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private SandboxOrderBook Book(string seller) => app.Services.GetServices<ISandboxEmulator>().OfType<EtsyEmulator>().Single().Book(seller);

    /// <summary>A connected seller, synced, and one of its receipts waiting to be shipped (a fresh one, with a line of two).</summary>
    private async Task<(SandboxOrderBook Book, SandboxOrder Receipt, Order Stored)> SyncedReceiptAsync(string seller)
    {
        var connection = await app.ConnectAsync("etsy", seller);
        var book = Book(seller);
        var receipt = book.Add();
        book.Update(receipt.Id, o => o.Lines[0].Quantity = 2);
        await app.SyncOrdersAsync(connection);
        return (book, receipt, (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == receipt.Id));
    }

    [Fact]
    public async Task Marking_shipped_posts_the_tracking_to_the_receipt_and_keeps_etsys_shipment_id()
    {
        var (book, receipt, stored) = await SyncedReceiptAsync("etsy-shipper");

        var outcome = await app.Shipments.MarkShippedAsync(stored.Id, new ShipmentInput("USPS", "9400 1000 0000 0000 0000 01", Today, []), "test");

        Assert.Equal(ShipmentState.Pushed, outcome.State);
        var shipment = Assert.Single(book.Find(receipt.Id)!.Shipments);
        Assert.Equal(("usps", "9400 1000 0000 0000 0000 01"), (shipment.Carrier, shipment.TrackingNumber));
        Assert.Equal(SandboxOrderStatus.Shipped, book.Find(receipt.Id)!.Status);
        Assert.Equal(receipt.Lines.Select(l => (l.LineId, l.Quantity)), shipment.Lines.Select(l => (l.LineId, l.Quantity)));
        var pushed = Assert.Single(await app.StoredShipmentsAsync(stored.Id));
        Assert.Equal(shipment.Id, pushed.ExternalId);
        Assert.Equal(OrderStatus.Fulfilled, (await app.StoredOrdersAsync(stored.ConnectionId)).Single(o => o.Id == stored.Id).Status);
    }

    [Fact]
    public async Task A_receipt_etsy_refuses_to_ship_shows_etsys_error_and_keeps_the_input()
    {
        var (book, receipt, stored) = await SyncedReceiptAsync("etsy-refused");
        book.Update(receipt.Id, o => o.Status = SandboxOrderStatus.Cancelled);

        var outcome = await app.Shipments.MarkShippedAsync(stored.Id, new ShipmentInput("Royal Mail", "RM123456789GB", Today, []), "test");

        Assert.Equal(ShipmentState.Rejected, outcome.State);
        Assert.Contains($"Etsy answered 409: Receipt {receipt.Id} is canceled and cannot be shipped.", outcome.Message);
        var shipment = Assert.Single(await app.StoredShipmentsAsync(stored.Id));
        Assert.Equal((ShipmentState.Rejected, "Royal Mail", "RM123456789GB"), (shipment.State, shipment.Carrier, shipment.TrackingNumber));
        Assert.Contains("409", shipment.Error);
        Assert.Contains(await app.OrderEventsAsync(stored.Id), e => e.Kind == OrderEventKind.ShipmentRejected);
        Assert.Empty(book.Find(receipt.Id)!.Shipments);
    }

    [Fact]
    public async Task Shipping_part_of_a_receipt_is_refused_before_etsy_is_called_since_etsy_ships_whole_receipts()
    {
        var (book, receipt, stored) = await SyncedReceiptAsync("etsy-partial");
        var line = receipt.Lines[0];

        var outcome = await app.Shipments.MarkShippedAsync(stored.Id, new ShipmentInput("UPS", "1Z999AA10123456784", Today, [new ShipmentLine(line.LineId, 1)]), "test");

        Assert.Equal(ShipmentState.Rejected, outcome.State);
        Assert.Contains(EtsyShipmentPusher.PartialShipmentRefused, outcome.Message);
        Assert.Empty(book.Find(receipt.Id)!.Shipments);

        var whole = await app.Shipments.MarkShippedAsync(stored.Id, new ShipmentInput("UPS", "1Z999AA10123456784", Today, []), "test");

        Assert.Equal(ShipmentState.Pushed, whole.State);
        Assert.Single(book.Find(receipt.Id)!.Shipments);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_shipment_on_the_receipt_instead_of_adding_a_second()
    {
        var (book, receipt, stored) = await SyncedReceiptAsync("etsy-lost-answer");
        book.LoseNextShipmentAnswer();
        var input = new ShipmentInput("FedEx", "7946 1234 5678", Today, []);

        var lost = await app.Shipments.MarkShippedAsync(stored.Id, input, "test");

        Assert.Equal(ShipmentState.Unconfirmed, lost.State);
        Assert.Single(book.Find(receipt.Id)!.Shipments);

        var retried = await app.Shipments.MarkShippedAsync(stored.Id, input, "test");

        Assert.Equal(ShipmentState.Pushed, retried.State);
        var shipment = Assert.Single(book.Find(receipt.Id)!.Shipments);
        var row = Assert.Single(await app.StoredShipmentsAsync(stored.Id));
        Assert.Equal((ShipmentState.Pushed, shipment.Id, 2), (row.State, row.ExternalId, row.Attempts));
    }
}
