using Marketplaces.Amazon.Orders;
using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon.Orders;

/// <summary>Marking Amazon orders shipped through the push engine, against the emulator's confirmShipment.</summary>
public sealed class AmazonShipmentTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A synced seller and one of its stored orders that is still to be shipped.</summary>
    private async Task<(AmazonSeller Seller, Order Order)> UnshippedOrderAsync(string name)
    {
        var seller = await AmazonSeller.ConnectAsync(app, name);
        var placed = seller.Book.Add();
        seller.Book.Update(placed.Id, o => o.Lines[0].Quantity = 2);
        await app.SyncOrdersAsync(seller.Connection);
        return (seller, (await app.StoredOrdersAsync(seller.Connection)).Single(o => o.ExternalId == placed.Id));
    }

    [Fact]
    public async Task Marking_an_order_shipped_confirms_one_package_with_every_remaining_item_at_amazon()
    {
        var (seller, order) = await UnshippedOrderAsync("amazon-ship-all");

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("ups", "1Z999AA10123456784", Today, []), "test");

        Assert.Equal(ShipmentState.Pushed, outcome.State);
        var package = Assert.Single(seller.Book.Find(order.ExternalId)!.Shipments);
        Assert.Equal(("UPS", "1Z999AA10123456784"), (package.Carrier, package.TrackingNumber));
        Assert.Equal(order.Lines.Select(l => (l.ExternalLineId, l.Quantity)).Order(), package.Lines.Select(l => (l.LineId, l.Quantity)).Order());
        Assert.Equal(SandboxOrderStatus.Shipped, seller.Book.Find(order.ExternalId)!.Status);
        var stored = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal(package.Id, stored.ExternalId);
        Assert.Equal(AmazonShipmentConfirmation.PackageReferenceId(stored.Id), package.Id);
    }

    [Fact]
    public async Task Shipping_part_of_a_line_leaves_the_order_partly_shipped_and_an_unknown_carrier_goes_as_other()
    {
        var (seller, order) = await UnshippedOrderAsync("amazon-ship-part");
        var line = order.Lines.First(l => l.Quantity >= 2);

        var outcome = await app.Shipments.MarkShippedAsync(order.Id,
            new ShipmentInput("Speedy Couriers Ltd", "SC-42", Today, [new ShipmentLine(line.ExternalLineId, 1)]), "test");

        Assert.Equal(ShipmentState.Pushed, outcome.State);
        var placed = seller.Book.Find(order.ExternalId)!;
        Assert.Equal(SandboxOrderStatus.PartiallyShipped, placed.Status);
        var package = Assert.Single(placed.Shipments);
        Assert.Equal("Speedy Couriers Ltd", package.Carrier);
        Assert.Equal(new SandboxShippedLine(line.ExternalLineId, 1), Assert.Single(package.Lines));
    }

    [Fact]
    public async Task A_shipment_amazon_refuses_shows_amazons_error_and_keeps_the_sellers_input()
    {
        var (seller, order) = await UnshippedOrderAsync("amazon-ship-refused");
        // Shipped in Seller Central meanwhile: Amazon has nothing left to confirm.
        seller.Book.Ship(order.ExternalId, o => new SandboxShipment("7", "USPS", "9400100000000000000000", DateTimeOffset.UtcNow,
            o.Lines.Select(l => new SandboxShippedLine(l.LineId, l.Quantity)).ToList()));

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("FedEx", "794600000000", Today, []), "test");

        Assert.Equal(ShipmentState.Rejected, outcome.State);
        Assert.Contains("Amazon answered 400: InvalidInput", outcome.Message);
        Assert.Contains("left to ship", outcome.Message);
        var stored = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Rejected, "FedEx", "794600000000"), (stored.State, stored.Carrier, stored.TrackingNumber));
        Assert.Contains("left to ship", stored.Error);
        Assert.Contains(await app.OrderEventsAsync(order.Id), e => e.Kind == OrderEventKind.ShipmentRejected);
        Assert.Single(seller.Book.Find(order.ExternalId)!.Shipments);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_package_by_tracking_number_and_confirms_nothing_twice()
    {
        var (seller, order) = await UnshippedOrderAsync("amazon-ship-timeout");
        seller.Book.LoseNextShipmentAnswer();
        var input = new ShipmentInput("USPS", "9400111899223197428490", Today, []);

        var lost = await app.Shipments.MarkShippedAsync(order.Id, input, "test");
        var retried = await app.Shipments.MarkShippedAsync(order.Id, input, "test");

        Assert.Equal(ShipmentState.Unconfirmed, lost.State);
        Assert.Equal(ShipmentState.Pushed, retried.State);
        var package = Assert.Single(seller.Book.Find(order.ExternalId)!.Shipments);
        var stored = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Pushed, package.Id), (stored.State, stored.ExternalId));
    }

    [Fact]
    public async Task The_order_link_opens_the_emulators_seller_central_page_with_the_pushed_tracking()
    {
        var (seller, order) = await UnshippedOrderAsync("amazon-order-page");
        await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("DHL", "JD014600006281230704", Today, []), "test");
        var connection = (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(seller.Connection))!;
        var target = await app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("amazon", connection.Environment, connection.AccountParameter);

        var link = OrderLink.For(target.Endpoints, order);
        using var http = new HttpClient();
        var page = await http.GetStringAsync(link);

        Assert.EndsWith($"/sandbox/amazon/orders-v3/order/{order.ExternalId}", link);
        Assert.Contains("JD014600006281230704", page);
    }
}
