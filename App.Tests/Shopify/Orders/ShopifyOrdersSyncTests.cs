using Marketplaces.Orders;
using Marketplaces.Orders.Shipping;
using Marketplaces.Polling;
using Marketplaces.RateLimits;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Shopify.Orders;

/// <summary>
/// The app syncing and shipping Shopify sandbox orders through the feed engine and the push engine. Shopify's account
/// is the shop, so each test connects a shop of its own.
/// </summary>
public sealed class ShopifyOrdersSyncTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static int Pages(int orders) => (orders + PollingFixture.PageSize - 1) / PollingFixture.PageSize;

    private static string Shop(string name) => $"{name}.myshopify.com";

    private SandboxOrderBook Book(string name) => app.Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single().Book(Shop(name));

    private static DateTimeOffset Seconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private async Task<Guid> ConnectAsync(string name)
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        return Guid.Parse((await browser.ConnectAsync("shopify", Shop(name), name))["connected"]);
    }

    [Fact]
    public async Task The_first_sync_stores_every_order_with_its_number_lines_address_and_totals()
    {
        var connection = await ConnectAsync("first-sync-shop");

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        var expected = Book("first-sync-shop").List();
        var stored = (await app.StoredOrdersAsync(connection)).ToDictionary(o => o.ExternalId);
        Assert.Equal(expected.Select(o => o.Id).Order(), stored.Keys.Order());
        foreach (var order in expected)
        {
            var row = stored[order.Id];
            Assert.Equal(("shopify", $"#{1000 + order.Sequence}"), (row.Marketplace, row.OrderNumber));
            Assert.Equal((order.Total, "USD", order.BuyerName), (row.Total, row.Currency, row.BuyerName));
            Assert.Equal(order.Status == SandboxOrderStatus.Shipped ? OrderStatus.Fulfilled : OrderStatus.Unfulfilled, row.Status);
            Assert.Equal((Seconds(order.CreatedAt), Seconds(order.ModifiedAt)), (row.CreatedAt, row.UpdatedAt));
            Assert.Equal((order.ShipTo.Line1, order.ShipTo.CountryCode), (row.ShipTo!.Line1, row.ShipTo.CountryCode));
            Assert.Contains($"gid://shopify/Order/{order.Id}", row.RawPayload);
            Assert.Equal(
                order.Lines.Select(l => ($"gid://shopify/LineItem/{l.LineId}", l.Sku, l.Title, l.Quantity, l.UnitPrice)).Order(),
                row.Lines.Select(l => (l.ExternalLineId, l.Sku!, l.Title, l.Quantity, l.UnitPrice)).Order());
        }
        Assert.NotNull((await app.CursorAsync(connection)).Watermark);
    }

    [Fact]
    public async Task More_orders_than_a_page_are_read_by_cursor_and_the_limiter_learns_the_rate_from_the_cost()
    {
        var connection = await ConnectAsync("paging-sync-shop");
        var book = Book("paging-sync-shop");
        book.AddMany(5);
        var total = book.List().Count;

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal((Pages(total), total), (outcome.Pages, outcome.Items));
        Assert.Equal(total, (await app.StoredOrdersAsync(connection)).Count);
        var requests = book.Requests();
        Assert.Equal(Pages(total), requests.Count);
        Assert.DoesNotContain("after=", requests[0]);
        Assert.All(requests.Skip(1), r => Assert.Contains("after=", r));
        Assert.All(requests, r => Assert.Contains($"first={PollingFixture.PageSize}&", r));
        Assert.All(requests, r => Assert.Contains("sortKey=UPDATED_AT", r));
        // A page of 3 orders costs far less than the bucket restores a second: the rate is no longer the catalog's 1/s.
        var rate = app.Services.GetRequiredService<RateLimiter>().RateOf(new RateLimitKey("shopify", Shop("paging-sync-shop"), "default"));
        Assert.True(rate > 1, $"rate {rate}");
    }

    [Fact]
    public async Task The_next_sync_reads_only_what_changed_and_updates_it_in_place()
    {
        var connection = await ConnectAsync("changing-shop");
        var book = Book("changing-shop");
        await app.SyncOrdersAsync(connection);
        var target = book.List().First(o => o.Status == SandboxOrderStatus.AwaitingShipment);
        var before = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == target.Id);

        var changed = book.Update(target.Id, o => o.Lines[0].Quantity += 2);
        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(1, outcome.Items);
        Assert.Contains("query=updated_at:>='", book.Requests()[^1]);
        var after = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == target.Id);
        Assert.Equal((before.Id, before.FirstSeenAt), (after.Id, after.FirstSeenAt));
        Assert.Equal(Seconds(changed.ModifiedAt), after.UpdatedAt);
        Assert.Equal(changed.Total, after.Total);
        Assert.Equal(changed.Lines[0].Quantity, after.Lines.Single(l => l.ExternalLineId == $"gid://shopify/LineItem/{changed.Lines[0].LineId}").Quantity);
    }

    [Fact]
    public async Task Orders_read_again_are_not_duplicated()
    {
        var connection = await ConnectAsync("redelivered-shop");
        await app.SyncOrdersAsync(connection);
        var first = await app.StoredOrdersAsync(connection);
        await using (var db = await app.ContextAsync())
        {
            await db.Set<FeedCursor>().Where(c => c.ConnectionId == connection)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Watermark, DateTimeOffset.UtcNow.AddDays(-30)));
        }

        var again = await app.SyncOrdersAsync(connection);

        Assert.Equal(first.Count, again.Items);
        var second = await app.StoredOrdersAsync(connection);
        Assert.Equal(first.Select(o => (o.Id, o.ExternalId, o.Lines.Count)).Order(), second.Select(o => (o.Id, o.ExternalId, o.Lines.Count)).Order());
    }

    [Fact]
    public async Task An_order_with_more_lines_than_a_page_carries_is_stored_with_every_line()
    {
        var connection = await ConnectAsync("many-lines-shop");
        var book = Book("many-lines-shop");
        var order = book.Update(book.Add().Id, o =>
        {
            for (var i = o.Lines.Count; i < 12; i++)
                o.Lines.Add(new SandboxOrderLine { LineId = $"9{i:00}{o.Sequence}", ProductId = "1", Sku = $"EXTRA-{i}", Title = $"Extra {i}", Quantity = 1, UnitPrice = 1.5m });
        });

        await app.SyncOrdersAsync(connection);

        var stored = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == order.Id);
        Assert.Equal(12, stored.Lines.Count);
        Assert.Contains("EXTRA-11", stored.RawPayload);
    }

    [Fact]
    public async Task Marking_shipped_creates_a_fulfillment_with_the_carrier_and_tracking_at_shopify()
    {
        var (connection, order, book) = await SyncedAsync("ship-shop");

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("fedex", "794698000001", Today, []), "test");

        Assert.Equal(ShipmentState.Pushed, outcome.State);
        var shipped = book.Find(order.ExternalId)!;
        var shipment = Assert.Single(shipped.Shipments);
        Assert.Equal(("FedEx", "794698000001"), (shipment.Carrier, shipment.TrackingNumber));
        Assert.Equal(order.Lines.Select(l => (l.ExternalLineId, l.Quantity)).Order(),
            shipment.Lines.Select(l => ($"gid://shopify/LineItem/{l.LineId}", l.Quantity)).Order());
        Assert.Equal(SandboxOrderStatus.Shipped, shipped.Status);
        Assert.Equal($"gid://shopify/Fulfillment/{shipment.Id}", (await app.StoredShipmentsAsync(order.Id)).Single().ExternalId);
        await app.SyncOrdersAsync(connection);
        Assert.Equal(OrderStatus.Fulfilled, (await app.StoredOrdersAsync(connection)).Single(o => o.Id == order.Id).Status);
    }

    [Fact]
    public async Task Shipping_part_of_an_order_leaves_the_rest_open_at_shopify()
    {
        var (connection, order, book) = await SyncedAsync("partial-shop", minQuantity: 2);
        var line = order.Lines.First(l => l.Quantity >= 2);

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("UPS", "1Z999AA10123456784", Today, [new ShipmentLine(line.ExternalLineId, 1)]), "test");

        Assert.Equal(ShipmentState.Pushed, outcome.State);
        var shipped = book.Find(order.ExternalId)!;
        Assert.Equal(SandboxOrderStatus.PartiallyShipped, shipped.Status);
        Assert.Equal(1, shipped.ShippedQuantity(shipped.Lines.Single(l => $"gid://shopify/LineItem/{l.LineId}" == line.ExternalLineId)));
        await app.SyncOrdersAsync(connection);
        Assert.Equal(OrderStatus.PartiallyFulfilled, (await app.StoredOrdersAsync(connection)).Single(o => o.Id == order.Id).Status);
    }

    [Fact]
    public async Task A_shipment_shopify_refuses_shows_its_message_and_keeps_the_sellers_input()
    {
        var (_, order, book) = await SyncedAsync("refusing-shop");
        // Meanwhile the merchant fulfilled the order in Shopify's admin.
        book.Ship(order.ExternalId, o => new SandboxShipment("1", "UPS", "ELSEWHERE", DateTimeOffset.UtcNow,
            o.Lines.Select(l => new SandboxShippedLine(l.LineId, l.Quantity)).ToList()));

        var outcome = await app.Shipments.MarkShippedAsync(order.Id, new ShipmentInput("DHL", "JD014600006281", Today, []), "test");

        Assert.Equal(ShipmentState.Rejected, outcome.State);
        Assert.Contains($"Fulfillment order {order.ExternalId} has an unfulfillable status= closed.", outcome.Message);
        var stored = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Rejected, "DHL", "JD014600006281"), (stored.State, stored.Carrier, stored.TrackingNumber));
        Assert.Contains("unfulfillable status= closed", stored.Error);
        Assert.Single(book.Find(order.ExternalId)!.Shipments);
        Assert.Contains(await app.OrderEventsAsync(order.Id), e => e.Kind == OrderEventKind.ShipmentRejected);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_fulfillment_instead_of_creating_another()
    {
        var (_, order, book) = await SyncedAsync("lost-answer-shop");
        book.LoseNextShipmentAnswer();
        var input = new ShipmentInput("USPS", "9400100000000000000001", Today, []);

        var lost = await app.Shipments.MarkShippedAsync(order.Id, input, "test");

        Assert.Equal(ShipmentState.Unconfirmed, lost.State);
        var recorded = Assert.Single(book.Find(order.ExternalId)!.Shipments);

        var retried = await app.Shipments.MarkShippedAsync(order.Id, input, "test");

        Assert.Equal(ShipmentState.Pushed, retried.State);
        Assert.Single(book.Find(order.ExternalId)!.Shipments);
        var stored = Assert.Single(await app.StoredShipmentsAsync(order.Id));
        Assert.Equal((ShipmentState.Pushed, $"gid://shopify/Fulfillment/{recorded.Id}", 2), (stored.State, stored.ExternalId, stored.Attempts));
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A shop with a fresh unshipped order, synced.</summary>
    private async Task<(Guid Connection, Order Order, SandboxOrderBook Book)> SyncedAsync(string name, int minQuantity = 1)
    {
        var connection = await ConnectAsync(name);
        var book = Book(name);
        var added = book.Add();
        if (added.Lines.All(l => l.Quantity < minQuantity)) book.Update(added.Id, o => o.Lines[0].Quantity = minQuantity);
        await app.SyncOrdersAsync(connection);
        return (connection, (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == added.Id), book);
    }
}
