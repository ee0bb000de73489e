using Marketplaces.AliExpress.Sandbox;
using Marketplaces.AliExpress.Webhooks;
using Marketplaces.Dropshipping;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Dropshipping;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Webhooks;

/// <summary>
/// AliExpress's order-status push (issue 19 point 5, issue 17 point 1): unsigned as far as the sheet knows, so it is
/// accepted only for an order placed here and only makes the app read that order again, at most once a minute.
/// </summary>
[Collection(WebhooksCollection.Name)]
public sealed class AliExpressWebhookTests(WebhooksFixture app)
{
    private AliExpressEmulator AliExpress => app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single();

    [Fact]
    public async Task A_push_for_an_order_placed_here_reads_it_again_at_once_once_per_delivery_and_at_most_once_a_minute()
    {
        app.StopScheduledSupplierWork();
        var sale = await DropshipSales.SellAsync(app, "pushed", 2);
        var placed = await DropshipOrders.PlaceAsync(app, sale.OrderId);
        var address = app.Address("aliexpress");

        var before = (await EventsAsync()).Count;
        Assert.Equal(400, await AliExpress.Pushes.SendAsync(address, 4_000_000_000_000_123, "PaymentAuthorized"));
        Assert.Equal(before, (await EventsAsync()).Count);

        AliExpress.Orders.Pay(placed.OrderId);
        await BackdateCheckAsync(sale.OrderId);
        var at = DateTimeOffset.UtcNow;
        Assert.Equal(200, await AliExpress.Pushes.SendAsync(address, placed.OrderId, "PaymentAuthorized", at));
        Assert.Equal(200, await AliExpress.Pushes.SendAsync(address, placed.OrderId, "PaymentAuthorized", at));
        await WebhooksFixture.Until(async () => (await EventsAsync()).All(e => e.ProcessedAt is not null), "processed");
        var paid = Assert.Single(await EventsAsync(), e => e.ConnectionId == sale.AliExpress);
        Assert.Equal((WebhookKind.SupplierOrderStatus, AliExpressOrderPush.Topic, sale.AliExpress), (paid.Kind, paid.Topic, paid.ConnectionId));
        Assert.Contains("read again", paid.Outcome);
        Assert.Equal(SupplierOrderState.Processing, (await SupplierOrderAsync(sale.OrderId)).State);

        // Read a moment ago: a push now (a forger's, say) costs AliExpress no call.
        AliExpress.Orders.Ship(placed.OrderId);
        Assert.Equal(200, await AliExpress.Pushes.SendAsync(address, placed.OrderId, "OrderShipped", at.AddSeconds(5)));
        await WebhooksFixture.Until(async () => (await EventsAsync()).Count == before + 2 && (await EventsAsync()).All(e => e.ProcessedAt is not null), "processed");
        Assert.Contains("less than a minute ago", (await EventsAsync())[^1].Outcome);
        Assert.Equal(SupplierOrderState.Processing, (await SupplierOrderAsync(sale.OrderId)).State);

        await BackdateCheckAsync(sale.OrderId);
        Assert.Equal(200, await AliExpress.Pushes.SendAsync(address, placed.OrderId, "OrderShipped", at.AddSeconds(90)));
        await WebhooksFixture.Until(async () => (await SupplierOrderAsync(sale.OrderId)).State == SupplierOrderState.TrackingSent, "tracking sent");
        Assert.Equal(placed.TrackingNumber, (await SupplierOrderAsync(sale.OrderId)).TrackingNumber);
        Assert.Equal(placed.TrackingNumber, Assert.Single(sale.Book.Find(sale.Sale.Id)!.Shipments).TrackingNumber);
    }

    [Fact]
    public async Task A_body_that_is_not_the_push_is_refused_and_nothing_is_stored()
    {
        var before = (await EventsAsync()).Count;
        using var http = new HttpClient();
        var answer = await http.PostAsync(app.Address("aliexpress"), new StringContent("""{"data":{"orderId":"x"}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Equal(before, (await EventsAsync()).Count);
    }

    private async Task<List<WebhookEvent>> EventsAsync() => (await app.AllEventsAsync()).Where(e => e.Marketplace == "aliexpress").ToList();

    private async Task<SupplierOrder> SupplierOrderAsync(Guid orderId)
    {
        await using var db = await app.DbAsync();
        return await db.Set<SupplierOrder>().AsNoTracking().SingleAsync(s => s.OrderId == orderId);
    }

    private async Task BackdateCheckAsync(Guid orderId)
    {
        await using var db = await app.DbAsync();
        await db.Set<SupplierOrder>().Where(s => s.OrderId == orderId).ExecuteUpdateAsync(s => s.SetProperty(x => x.CheckedAt, DateTimeOffset.UtcNow.AddMinutes(-2)));
    }
}
