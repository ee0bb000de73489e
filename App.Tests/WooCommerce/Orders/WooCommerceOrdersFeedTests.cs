using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Marketplaces.WooCommerce.Sandbox.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Tests.WooCommerce.Orders;

/// <summary>The orders feed through the polling engine against the emulator, one store per test, 3 orders a page.</summary>
public sealed class WooCommerceOrdersFeedTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    [Fact]
    public async Task First_sync_stores_every_order_with_its_number_lines_address_and_gmt_times()
    {
        var store = await WooCommerceStores.ConnectAsync(app, "first-sync");

        var outcome = await app.SyncOrdersAsync(store.Connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        var seeded = store.Site.Book.List();
        var stored = await app.StoredOrdersAsync(store.Connection);
        Assert.Equal(seeded.Select(o => o.Id).Order(), stored.Select(o => o.ExternalId).Order());
        foreach (var order in seeded)
        {
            var row = stored.Single(o => o.ExternalId == order.Id);
            Assert.Equal(order.Id, row.OrderNumber);
            Assert.Equal(order.Status == SandboxOrderStatus.Shipped ? "completed" : "processing", row.MarketplaceStatus);
            Assert.Equal(order.Status == SandboxOrderStatus.Shipped ? OrderStatus.Fulfilled : OrderStatus.Unfulfilled, row.Status);
            // The store's local time is two hours ahead: equal times mean the *_gmt fields were read.
            Assert.Equal(WooCommerceOrderJson.Seconds(order.ModifiedAt), row.UpdatedAt);
            Assert.Equal(WooCommerceOrderJson.Seconds(order.CreatedAt), row.CreatedAt);
            Assert.Equal(order.Total, row.Total);
            Assert.Equal(order.BuyerName, row.BuyerName);
            Assert.Equal(order.ShipTo.Line1, row.ShipTo!.Line1);
            Assert.Equal(order.ShipTo.PostalCode, row.ShipTo.PostalCode);
            Assert.Equal(order.Lines.Select(l => (l.LineId, l.Sku, l.Quantity, l.UnitPrice)).Order(),
                row.Lines.Select(l => (l.ExternalLineId, l.Sku!, l.Quantity, l.UnitPrice)).Order());
        }
        var first = store.Site.Book.Requests()[0];
        foreach (var parameter in new[] { "dates_are_gmt=true", "per_page=3", "page=1", "orderby=id", "order=asc", "modified_after=", "oauth_signature=" })
            Assert.Contains(parameter, first);
    }

    [Fact]
    public async Task Incremental_sync_reads_only_orders_changed_since_the_last_one()
    {
        var store = await WooCommerceStores.ConnectAsync(app, "incremental");
        await app.SyncOrdersAsync(store.Connection);
        var book = store.Site.Book;
        var changed = book.List()[0];
        var before = book.Requests().Count;

        var added = book.Add();
        book.Update(changed.Id, o => o.Status = SandboxOrderStatus.Cancelled);
        var outcome = await app.SyncOrdersAsync(store.Connection);

        Assert.Equal(2, outcome.Items);
        Assert.Single(book.Requests().Skip(before));
        var stored = await app.StoredOrdersAsync(store.Connection);
        Assert.Contains(stored, o => o.ExternalId == added.Id);
        Assert.Equal(OrderStatus.Cancelled, stored.Single(o => o.ExternalId == changed.Id).Status);
        Assert.Equal(book.List().Count, stored.Count);
    }

    [Fact]
    public async Task A_walk_follows_x_wp_totalpages_across_pages()
    {
        var store = await WooCommerceStores.ConnectAsync(app, "pages");
        store.Site.Book.AddMany(7);
        var total = store.Site.Book.List().Count;

        var outcome = await app.SyncOrdersAsync(store.Connection);

        Assert.Equal((total + 2) / 3, outcome.Pages);
        Assert.Equal(total, outcome.Items);
        Assert.Equal(Enumerable.Range(1, outcome.Pages).Select(p => $"page={p}"),
            store.Site.Book.Requests().Select(q => q.Split('&').Single(p => p.StartsWith("page=", StringComparison.Ordinal))));
        Assert.Equal(total, (await app.StoredOrdersAsync(store.Connection)).Count);
    }

    [Fact]
    public async Task A_changed_order_updates_in_place_and_rereading_never_duplicates()
    {
        var store = await WooCommerceStores.ConnectAsync(app, "in-place");
        await app.SyncOrdersAsync(store.Connection);
        var target = store.Site.Book.List().First(o => o.Status == SandboxOrderStatus.AwaitingShipment);
        var row = (await app.StoredOrdersAsync(store.Connection)).Single(o => o.ExternalId == target.Id);

        store.Site.Book.Update(target.Id, o => o.Lines[0].Quantity += 1);
        await app.SyncOrdersAsync(store.Connection);
        await using (var db = await app.ContextAsync())
            await db.Set<FeedCursor>().Where(c => c.ConnectionId == store.Connection).ExecuteUpdateAsync(s => s.SetProperty(c => c.Watermark, (DateTimeOffset?)null));
        await app.SyncOrdersAsync(store.Connection);

        var stored = await app.StoredOrdersAsync(store.Connection);
        Assert.Equal(store.Site.Book.List().Count, stored.Count);
        var updated = stored.Single(o => o.ExternalId == target.Id);
        Assert.Equal(row.Id, updated.Id);
        Assert.Equal(target.Lines[0].Quantity, updated.Lines.Single(l => l.ExternalLineId == target.Lines[0].LineId).Quantity);
        Assert.Equal(target.Total, updated.Total);
    }

    [Fact]
    public async Task A_walk_interrupted_part_way_resumes_at_its_page_without_duplicates()
    {
        var store = await WooCommerceStores.ConnectAsync(app, "interrupted");
        store.Site.Book.AddMany(5);
        store.Site.Book.Interrupt(afterPages: 1);

        var failed = await app.SyncOrdersAsync(store.Connection);
        var resumed = await app.SyncOrdersAsync(store.Connection);

        Assert.Equal(SyncResult.Failed, failed.Result);
        Assert.Contains("internal_server_error", failed.Message);
        Assert.Equal(SyncResult.Synced, resumed.Result);
        Assert.StartsWith("page=2", store.Site.Book.Requests()[2].Split('&').Single(p => p.StartsWith("page=", StringComparison.Ordinal)));
        var stored = await app.StoredOrdersAsync(store.Connection);
        Assert.Equal(store.Site.Book.List().Count, stored.Count);
        Assert.Equal(stored.Count, stored.Select(o => o.ExternalId).Distinct().Count());
    }
}
