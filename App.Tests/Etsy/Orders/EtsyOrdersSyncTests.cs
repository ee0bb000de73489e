using Marketplaces.Etsy.Sandbox;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Etsy.Orders;

/// <summary>The engine reading the Etsy emulator's receipts: first and incremental syncs, pages, changes, re-reads.</summary>
public sealed class EtsyOrdersSyncTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static int Pages(int orders) => Math.Max(1, (orders + PollingFixture.PageSize - 1) / PollingFixture.PageSize);

    private SandboxOrderBook Book(string seller) => app.Services.GetServices<ISandboxEmulator>().OfType<EtsyEmulator>().Single().Book(seller);

    private static DateTimeOffset Seconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private static Dictionary<string, string> Query(string request) => QueryHelpers.ParseQuery(request).ToDictionary(p => p.Key, p => p.Value.ToString());

    [Fact]
    public async Task Connecting_a_shop_right_after_a_sync_spent_the_per_second_allowance_is_paced_not_refused()
    {
        var busy = await app.ConnectAsync("etsy", "etsy-busy-shop");
        Book("etsy-busy-shop").AddMany(40);
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var refusals = journal.Count("etsy", "429");

        Assert.Equal(SyncResult.Synced, (await app.SyncOrdersAsync(busy)).Result);
        var next = await app.ConnectAsync("etsy", "etsy-next-shop");

        Assert.NotEqual(busy, next);
        Assert.Equal(refusals, journal.Count("etsy", "429"));
    }

    [Fact]
    public async Task The_first_sync_stores_every_receipt_with_its_transactions_totals_and_ship_to()
    {
        var connection = await app.ConnectAsync("etsy", "etsy-first-sync");

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        var expected = Book("etsy-first-sync").List();
        var stored = (await app.StoredOrdersAsync(connection)).ToDictionary(o => o.ExternalId);
        Assert.Equal(expected.Select(o => o.Id).Order(), stored.Keys.Order());
        foreach (var receipt in expected)
        {
            var row = stored[receipt.Id];
            Assert.Equal("etsy", row.Marketplace);
            Assert.Equal((receipt.Total, receipt.Currency), (row.Total, row.Currency));
            Assert.Equal(receipt.ShipTo.Name, row.BuyerName);
            Assert.Equal(receipt.Status == SandboxOrderStatus.Shipped ? (OrderStatus.Fulfilled, "completed") : (OrderStatus.Unfulfilled, "paid"),
                (row.Status, row.MarketplaceStatus));
            Assert.Equal(Seconds(receipt.CreatedAt), row.CreatedAt);
            Assert.Equal(Seconds(receipt.ModifiedAt), row.UpdatedAt);
            Assert.Equal(new PostalAddress(receipt.ShipTo.Name, receipt.ShipTo.Line1, null, receipt.ShipTo.City,
                receipt.ShipTo.Region.Length == 0 ? null : receipt.ShipTo.Region, receipt.ShipTo.PostalCode, receipt.ShipTo.CountryCode), row.ShipTo);
            Assert.Equal(receipt.Id, System.Text.Json.JsonDocument.Parse(row.RawPayload).RootElement.GetProperty("receipt_id").GetRawText());
            Assert.Equal(
                receipt.Lines.Select(l => (l.LineId, l.Sku, l.Title, l.Quantity, l.UnitPrice)).OrderBy(l => l.LineId),
                row.Lines.Select(l => (l.ExternalLineId, l.Sku!, l.Title, l.Quantity, l.UnitPrice)).OrderBy(l => l.ExternalLineId));
        }
        var request = Query(Book("etsy-first-sync").Requests()[0]);
        Assert.Equal(("receipt_id", "asc", "3", "0"), (request["sort_on"], request["sort_order"], request["limit"], request["offset"]));
        Assert.InRange(long.Parse(request["min_last_modified"], System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddDays(-91).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddDays(-89).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task More_receipts_than_a_page_are_read_page_by_page_by_offset()
    {
        var connection = await app.ConnectAsync("etsy", "etsy-many-receipts");
        var book = Book("etsy-many-receipts");
        book.AddMany(5);
        var total = book.List().Count;

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(Pages(total), outcome.Pages);
        Assert.Equal(total, (await app.StoredOrdersAsync(connection)).Count);
        Assert.Equal(Enumerable.Range(0, Pages(total)).Select(p => (p * PollingFixture.PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            book.Requests().Select(r => Query(r)["offset"]));
    }

    [Fact]
    public async Task An_incremental_sync_reads_from_the_last_watermark_and_picks_up_new_and_changed_receipts()
    {
        var connection = await app.ConnectAsync("etsy", "etsy-incremental");
        var book = Book("etsy-incremental");
        await app.SyncOrdersAsync(connection);
        var watermark = (await app.CursorAsync(connection)).Watermark!.Value;

        var added = book.AddMany(2);
        var changed = book.Update(book.List()[0].Id, o => o.Lines[0].Quantity += 1);
        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        var since = long.Parse(Query(book.Requests()[^1])["min_last_modified"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((watermark - TimeSpan.FromMinutes(app.Engine.Options.OverlapMinutes)).ToUnixTimeSeconds(), since);
        var stored = (await app.StoredOrdersAsync(connection)).ToDictionary(o => o.ExternalId);
        Assert.All(added, a => Assert.True(stored.ContainsKey(a.Id)));
        Assert.Equal(changed.Lines[0].Quantity, stored[changed.Id].Lines.Single(l => l.ExternalLineId == changed.Lines[0].LineId).Quantity);
        Assert.Equal(book.List().Count, stored.Count);
    }

    [Fact]
    public async Task A_changed_receipt_is_updated_in_place()
    {
        var connection = await app.ConnectAsync("etsy", "etsy-changing");
        var book = Book("etsy-changing");
        await app.SyncOrdersAsync(connection);
        var target = book.List().First(o => o.Status == SandboxOrderStatus.AwaitingShipment);
        var before = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == target.Id);

        var changed = book.Update(target.Id, o =>
        {
            o.Status = SandboxOrderStatus.Cancelled;
            o.Lines[0].Quantity += 2;
        });
        await app.SyncOrdersAsync(connection);

        var after = (await app.StoredOrdersAsync(connection)).Single(o => o.ExternalId == target.Id);
        Assert.Equal(before.Id, after.Id);
        Assert.Equal((OrderStatus.Cancelled, "canceled"), (after.Status, after.MarketplaceStatus));
        Assert.Equal(Seconds(changed.ModifiedAt), after.UpdatedAt);
        Assert.Equal(changed.Total, after.Total);
        Assert.Equal(changed.Lines[0].Quantity, after.Lines.Single(l => l.ExternalLineId == changed.Lines[0].LineId).Quantity);
        Assert.Equal(before.FirstSeenAt, after.FirstSeenAt);
    }

    [Fact]
    public async Task Receipts_read_again_are_not_duplicated()
    {
        var connection = await app.ConnectAsync("etsy", "etsy-redelivered");
        await app.SyncOrdersAsync(connection);
        var first = await app.StoredOrdersAsync(connection);
        await using (var db = await app.ContextAsync())
        {
            await db.Set<FeedCursor>().Where(c => c.ConnectionId == connection)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Watermark, DateTimeOffset.UtcNow.AddDays(-30)));
        }

        var again = await app.SyncOrdersAsync(connection);

        Assert.Equal(Book("etsy-redelivered").List().Count, again.Items);
        var second = await app.StoredOrdersAsync(connection);
        Assert.Equal(first.Select(o => (o.Id, o.ExternalId, o.Lines.Count)).OrderBy(o => o.Id), second.Select(o => (o.Id, o.ExternalId, o.Lines.Count)).OrderBy(o => o.Id));
    }

    [Fact]
    public async Task A_sync_that_fails_between_pages_resumes_at_the_next_offset_and_loses_nothing()
    {
        var connection = await app.ConnectAsync("etsy", "etsy-interrupted");
        var book = Book("etsy-interrupted");
        book.AddMany(4);
        book.Interrupt(afterPages: 1);

        var failed = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Failed, failed.Result);
        Assert.Contains("Etsy answered 500", failed.Message);
        Assert.Equal(PollingFixture.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), (await app.CursorAsync(connection)).PageToken);

        Assert.Equal(SyncResult.Synced, (await app.SyncOrdersAsync(connection)).Result);

        Assert.Equal(PollingFixture.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), Query(book.Requests()[2])["offset"]);
        Assert.Equal(book.List().Select(o => o.Id).Order(), (await app.StoredOrdersAsync(connection)).Select(o => o.ExternalId).Order());
    }
}

/// <summary>
/// A forced 429 slows the app's Etsy allowance down for a while (Etsy's limit is per API key, so for every shop): it
/// gets an app of its own, so that the other sync tests do not run in its slow-down.
/// </summary>
public sealed class EtsyThrottledSyncTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private SandboxOrderBook Book(string seller) => app.Services.GetServices<ISandboxEmulator>().OfType<EtsyEmulator>().Single().Book(seller);

    [Fact]
    public async Task A_throttled_call_waits_for_retry_after_and_the_sync_completes()
    {
        var connection = await app.ConnectAsync("etsy", "etsy-throttled");
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var refusals = journal.Count("etsy", "429");
        app.Services.GetRequiredService<SandboxRateLimits>().Force429("etsy", TimeSpan.FromSeconds(1));

        var outcome = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        Assert.Equal(refusals + 1, journal.Count("etsy", "429"));
        Assert.Equal(Book("etsy-throttled").List().Count, (await app.StoredOrdersAsync(connection)).Count);
    }
}
