using Marketplaces.Tests.Infrastructure;
using Marketplaces.Connections;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

/// <summary>The engine reading eBay sandbox orders: pages, updates, re-reads and interrupted runs.</summary>
public sealed class FeedEngineTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static int Pages(int orders) => (orders + PollingFixture.PageSize - 1) / PollingFixture.PageSize;

    [Fact]
    public async Task The_first_sync_stores_every_order_of_the_seller_with_its_lines_and_totals()
    {
        var (connection, seller) = await app.ConnectEbayAsync("first-sync-seller");

        var outcome = await app.SyncOrdersAsync(connection);

        var expected = app.EbayOrders(seller).List();
        Assert.Equal(SyncResult.Synced, outcome.Result);
        var stored = (await app.StoredOrdersAsync(connection)).ToDictionary(o => o.ExternalId);
        Assert.Equal(expected.Select(o => o.Id).Order(), stored.Keys.Order());
        foreach (var order in expected)
        {
            var row = stored[order.Id];
            Assert.Equal("ebay", row.Marketplace);
            Assert.Equal(order.Total, row.Total);
            Assert.Equal("USD", row.Currency);
            Assert.Equal(OrderJson.BuyerUsername(order), row.BuyerName);
            Assert.Equal(order.Status == SandboxOrderStatus.Shipped ? OrderStatus.Fulfilled : OrderStatus.Unfulfilled, row.Status);
            Assert.Equal(order.CreatedAt, row.CreatedAt);
            Assert.Equal(order.ModifiedAt, row.UpdatedAt);
            Assert.Contains(order.Id, row.RawPayload);
            Assert.Equal((order.ShipTo.Name, order.ShipTo.Line1, order.ShipTo.City, order.ShipTo.PostalCode, order.ShipTo.CountryCode),
                (row.ShipTo!.Name, row.ShipTo.Line1, row.ShipTo.City, row.ShipTo.PostalCode, row.ShipTo.CountryCode));
            Assert.Equal(
                order.Lines.Select(l => (l.LineId, l.Sku, l.Title, l.Quantity, l.UnitPrice)).OrderBy(l => l.LineId),
                row.Lines.Select(l => (l.ExternalLineId, l.Sku!, l.Title, l.Quantity, l.UnitPrice)).OrderBy(l => l.ExternalLineId));
        }
        var cursor = await app.CursorAsync(connection);
        Assert.NotNull(cursor.Watermark);
        Assert.Null(cursor.PageToken);
        Assert.NotNull(cursor.LastSuccessAt);
    }

    [Fact]
    public async Task More_orders_than_a_page_are_read_page_by_page_following_next()
    {
        var (connection, seller) = await app.ConnectEbayAsync("many-orders-seller");
        for (var i = 0; i < 5; i++) app.EbayOrders(seller).Add();
        var total = app.EbayOrders(seller).List().Count;

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(Pages(total), outcome.Pages);
        Assert.Equal(total, (await app.StoredOrdersAsync(connection)).Count);
        var requests = app.EbayOrders(seller).Requests();
        Assert.Equal(Enumerable.Range(0, Pages(total)).Select(p => $"offset={p * PollingFixture.PageSize}"),
            requests.Select(r => r[r.LastIndexOf("offset=", StringComparison.Ordinal)..]));
        Assert.All(requests, r => Assert.Contains("filter=lastmodifieddate:%5B", r));
    }

    [Fact]
    public async Task A_changed_order_is_updated_in_place_with_its_new_lines()
    {
        var (connection, seller) = await app.ConnectEbayAsync("changing-seller");
        await app.SyncOrdersAsync(connection);
        var target = app.EbayOrders(seller).List().First(o => o.Status == SandboxOrderStatus.AwaitingShipment);
        var before = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == target.Id);

        var changed = app.EbayOrders(seller).Update(target.Id, o =>
        {
            o.Status = SandboxOrderStatus.Shipped;
            o.Lines[0].Quantity += 2;
        });
        await app.SyncOrdersAsync(connection);

        var after = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == target.Id);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(OrderStatus.Fulfilled, after.Status);
        Assert.Equal(changed.ModifiedAt, after.UpdatedAt);
        Assert.Equal(changed.Total, after.Total);
        Assert.Equal(changed.Lines[0].Quantity, after.Lines.Single(l => l.ExternalLineId == changed.Lines[0].LineId).Quantity);
        Assert.Equal(changed.Lines.Count, after.Lines.Count);
        Assert.Equal(before.FirstSeenAt, after.FirstSeenAt);
        // The history's first line keeps the status the order was first seen with.
        Assert.NotEqual(before.MarketplaceStatus, after.MarketplaceStatus);
        Assert.Equal((before.MarketplaceStatus, before.MarketplaceStatus), (before.FirstSeenStatus, after.FirstSeenStatus));
        await app.EnsureOwnerAsync();
        using var owner = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() }) { BaseAddress = app.ServerAddress };
        owner.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        await HtmlForms.SubmitAsync(owner, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password });
        var page = await owner.GetStringAsync($"/orders/{after.Id}");
        Assert.Contains($"First seen by polling, status {before.MarketplaceStatus}", page);
        Assert.Contains($"Status changed from {before.MarketplaceStatus} to {after.MarketplaceStatus}", page);
    }

    [Fact]
    public async Task Orders_delivered_again_are_not_duplicated()
    {
        var (connection, seller) = await app.ConnectEbayAsync("redelivered-seller");
        await app.SyncOrdersAsync(connection);
        var first = await app.StoredOrdersAsync(connection);
        await using (var db = await app.ContextAsync())
        {
            // As if the watermark were a month old: the next window reads every order again.
            await db.Set<FeedCursor>().Where(c => c.ConnectionId == connection)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Watermark, DateTimeOffset.UtcNow.AddDays(-30)));
        }

        var again = await app.SyncOrdersAsync(connection);

        Assert.Equal(app.EbayOrders(seller).List().Count, again.Items);
        var second = await app.StoredOrdersAsync(connection);
        Assert.Equal(first.Select(o => (o.Id, o.ExternalId, o.FirstSeenAt, o.Lines.Count)).OrderBy(o => o.Id),
            second.Select(o => (o.Id, o.ExternalId, o.FirstSeenAt, o.Lines.Count)).OrderBy(o => o.Id));
        Assert.All(second, o => Assert.True(o.LastSeenAt > first.Single(f => f.Id == o.Id).LastSeenAt));
    }

    [Fact]
    public async Task A_sync_that_fails_between_pages_resumes_at_the_next_page_and_loses_nothing()
    {
        var (connection, seller) = await app.ConnectEbayAsync("interrupted-seller");
        for (var i = 0; i < 5; i++) app.EbayOrders(seller).Add();
        var total = app.EbayOrders(seller).List().Count;
        app.EbayOrders(seller).Interrupt(afterPages: 1);

        var failed = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Failed, failed.Result);
        Assert.Contains("30500", failed.Message);
        Assert.Equal(PollingFixture.PageSize, (await app.StoredOrdersAsync(connection)).Count);
        var halfway = await app.CursorAsync(connection);
        Assert.Null(halfway.Watermark);
        Assert.Contains($"offset={PollingFixture.PageSize}", halfway.PageToken);

        var resumed = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, resumed.Result);
        Assert.Equal(Pages(total) - 1, resumed.Pages);
        Assert.EndsWith($"offset={PollingFixture.PageSize}", app.EbayOrders(seller).Requests()[2]);
        var stored = await app.StoredOrdersAsync(connection);
        Assert.Equal(app.EbayOrders(seller).List().Select(o => o.Id).Order(), stored.Select(o => o.ExternalId).Order());
        Assert.NotNull((await app.CursorAsync(connection)).Watermark);
    }

    [Fact]
    public async Task A_sync_killed_between_pages_leaves_the_committed_page_and_the_next_run_completes_it()
    {
        var (connection, seller) = await app.ConnectEbayAsync("killed-seller");
        for (var i = 0; i < 7; i++) app.EbayOrders(seller).Add();
        using var kill = new CancellationTokenSource();
        // Killed as the third page is asked for: the engine reads a page ahead, so the first page is committed by then
        // and the second is being stored when the kill comes (it may or may not have been).
        app.EbayOrders(seller).Interrupt(afterPages: 2, then: kill.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => app.SyncOrdersAsync(connection, kill.Token));

        var kept = (await app.StoredOrdersAsync(connection)).Count;
        Assert.True(kept is PollingFixture.PageSize or 2 * PollingFixture.PageSize, $"{kept} orders kept: whole committed pages only");
        await app.SyncOrdersAsync(connection);
        var stored = await app.StoredOrdersAsync(connection);
        Assert.Equal(app.EbayOrders(seller).List().Select(o => o.Id).Order(), stored.Select(o => o.ExternalId).Order());
    }

    [Fact]
    public async Task A_rejected_access_token_is_renewed_once_and_the_call_repeated()
    {
        var (connection, _) = await app.ConnectEbayAsync("expired-token-seller");
        await using (var db = await app.ContextAsync())
        {
            var vault = app.Services.GetRequiredService<TokenVault>();
            await db.Set<ConnectionSecret>().Where(s => s.ConnectionId == connection && s.Kind == TokenVault.AccessToken)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ciphertext, vault.Protect(TokenVault.AccessToken, "v^1.1#i^1#no-longer-valid")));
        }
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var refreshes = journal.Count("ebay", "refresh");

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        Assert.Equal(refreshes + 1, journal.Count("ebay", "refresh"));
    }

    [Fact]
    public async Task Repeated_failures_show_the_error_until_a_sync_succeeds()
    {
        var (connection, seller) = await app.ConnectEbayAsync("failing-seller");
        var statuses = app.Services.GetRequiredService<FeedStatuses>();
        var store = app.Services.GetRequiredService<ConnectionStore>();

        for (var attempt = 1; attempt <= FeedStatus.RepeatedFailures; attempt++)
        {
            app.EbayOrders(seller).Interrupt(afterPages: 0);
            Assert.Equal(SyncResult.Failed, (await app.SyncOrdersAsync(connection)).Result);
            var status = (await statuses.ForAsync((await store.FindAsync(connection))!)).Single();
            Assert.Equal(attempt == FeedStatus.RepeatedFailures, status.ShowsError);
        }
        var failing = (await statuses.ForAsync((await store.FindAsync(connection))!)).Single();
        Assert.Contains("30500 System error", failing.LastError);

        await app.SyncOrdersAsync(connection);

        var recovered = (await statuses.ForAsync((await store.FindAsync(connection))!)).Single();
        Assert.False(recovered.ShowsError);
        Assert.NotNull(recovered.LastSuccessAt);
    }

    [Fact]
    public async Task A_filter_the_marketplace_refuses_fails_the_sync_with_its_error()
    {
        var (connection, _) = await app.ConnectEbayAsync("future-watermark-seller");
        await app.SyncOrdersAsync(connection);
        await using (var db = await app.ContextAsync())
        {
            await db.Set<FeedCursor>().Where(c => c.ConnectionId == connection)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Watermark, DateTimeOffset.UtcNow.AddDays(1)));
        }

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Failed, outcome.Result);
        Assert.Contains("eBay answered 400: 30850 Start and end dates can't be in the future", outcome.Message);
        Assert.Equal(1, (await app.CursorAsync(connection)).ConsecutiveFailures);
    }
}
