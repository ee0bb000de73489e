using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Amazon.Orders;

/// <summary>The Amazon orders feed through the polling engine against the emulator's searchOrders.</summary>
public sealed class AmazonOrdersFeedTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private static int Pages(int orders) => (orders + PollingFixture.PageSize - 1) / PollingFixture.PageSize;

    /// <summary>Amazon's times are to the second.</summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static Dictionary<string, string> Query(string queryString) =>
        QueryHelpers.ParseQuery(queryString).ToDictionary(q => q.Key, q => q.Value.ToString());

    [Fact]
    public async Task The_first_sync_stores_every_order_with_its_items_buyer_address_money_and_status()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-first-sync");
        seller.Book.Update(seller.Book.List()[0].Id, o => o.Status = SandboxOrderStatus.Cancelled);

        var outcome = await app.SyncOrdersAsync(seller.Connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        var stored = (await app.StoredOrdersAsync(seller.Connection)).ToDictionary(o => o.ExternalId);
        var expected = seller.Book.List();
        Assert.Equal(expected.Select(o => o.Id).Order(), stored.Keys.Order());
        foreach (var order in expected)
        {
            var row = stored[order.Id];
            Assert.Equal(("amazon", order.Id, order.BuyerName, "USD", order.Total), (row.Marketplace, row.OrderNumber, row.BuyerName, row.Currency, row.Total));
            var (status, marketplaceStatus) = order.Status switch
            {
                SandboxOrderStatus.Shipped => (OrderStatus.Fulfilled, "SHIPPED"),
                SandboxOrderStatus.Cancelled => (OrderStatus.Cancelled, "CANCELLED"),
                _ => (OrderStatus.Unfulfilled, "UNSHIPPED"),
            };
            Assert.Equal((status, marketplaceStatus), (row.Status, row.MarketplaceStatus));
            Assert.Equal(WholeSeconds(order.CreatedAt), row.CreatedAt);
            Assert.Equal(WholeSeconds(order.ModifiedAt), row.UpdatedAt);
            Assert.Equal(new PostalAddress(order.ShipTo.Name, order.ShipTo.Line1, null, order.ShipTo.City, order.ShipTo.Region.Length == 0 ? null : order.ShipTo.Region,
                order.ShipTo.PostalCode, order.ShipTo.CountryCode, order.ShipTo.Phone), row.ShipTo);
            Assert.Equal(
                order.Lines.Select(l => (l.LineId, l.Sku, l.Title, l.Quantity, l.UnitPrice)).OrderBy(l => l.LineId),
                row.Lines.Select(l => (l.ExternalLineId, l.Sku!, l.Title, l.Quantity, l.UnitPrice)).OrderBy(l => l.ExternalLineId));
            Assert.Equal(order.Id, System.Text.Json.JsonDocument.Parse(row.RawPayload).RootElement.GetProperty("orderId").GetString());
        }
    }

    [Fact]
    public async Task Orders_beyond_a_page_are_read_by_pagination_token_with_the_same_filters_on_every_page()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-pages");
        seller.Book.AddMany(5);
        var total = seller.Book.List().Count;

        var outcome = await app.SyncOrdersAsync(seller.Connection);

        Assert.Equal(Pages(total), outcome.Pages);
        Assert.Equal(total, (await app.StoredOrdersAsync(seller.Connection)).Count);
        var requests = seller.Book.Requests().Select(Query).ToList();
        Assert.Equal(Pages(total), requests.Count);
        Assert.False(requests[0].ContainsKey("paginationToken"));
        Assert.All(requests.Skip(1), r => Assert.False(string.IsNullOrEmpty(r["paginationToken"])));
        Assert.All(requests, r =>
        {
            Assert.Equal("ATVPDKIKX0DER,A2EUQ1WTGCTBG2", r["marketplaceIds"]);
            Assert.Equal(requests[0]["lastUpdatedAfter"], r["lastUpdatedAfter"]);
            Assert.Equal("3", r["maxResultsPerPage"]);
            Assert.Equal("BUYER,RECIPIENT,FULFILLMENT,PROCEEDS", r["includedData"]);
        });
    }

    [Fact]
    public async Task The_next_sync_asks_only_for_later_updates_and_a_changed_order_is_updated_in_place()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-incremental");
        await app.SyncOrdersAsync(seller.Connection);
        var before = (await app.StoredOrdersAsync(seller.Connection)).ToDictionary(o => o.ExternalId);
        var changed = seller.Book.List().First(o => o.Status == SandboxOrderStatus.AwaitingShipment);
        seller.Book.Update(changed.Id, o => o.Status = SandboxOrderStatus.Cancelled);
        var added = seller.Book.Add();
        var firstWalk = seller.Book.Requests().Count;

        await app.SyncOrdersAsync(seller.Connection);

        var after = (await app.StoredOrdersAsync(seller.Connection)).ToDictionary(o => o.ExternalId);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(added.Id, after.Keys);
        Assert.Equal(before[changed.Id].Id, after[changed.Id].Id);
        Assert.Equal(OrderStatus.Cancelled, after[changed.Id].Status);
        var second = Query(seller.Book.Requests()[firstWalk]);
        Assert.True(DateTimeOffset.Parse(second["lastUpdatedAfter"], System.Globalization.CultureInfo.InvariantCulture)
                    > DateTimeOffset.Parse(Query(seller.Book.Requests()[0])["lastUpdatedAfter"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains((await app.OrderEventsAsync(after[changed.Id].Id)), e => e.Message.Contains("UNSHIPPED to CANCELLED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_the_same_orders_again_stores_no_duplicate()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-reread");
        await app.SyncOrdersAsync(seller.Connection);
        var first = (await app.StoredOrdersAsync(seller.Connection)).ToDictionary(o => o.ExternalId, o => o.Id);

        await app.SyncOrdersAsync(seller.Connection);
        await app.SyncOrdersAsync(seller.Connection);

        var stored = await app.StoredOrdersAsync(seller.Connection);
        Assert.Equal(seller.Book.List().Count, stored.Count);
        Assert.Equal(first, stored.ToDictionary(o => o.ExternalId, o => o.Id));
        Assert.All(stored, o => Assert.Equal(o.Lines.Count, o.Lines.Select(l => l.ExternalLineId).Distinct().Count()));
    }

    [Fact]
    public async Task A_walk_broken_off_part_way_resumes_from_the_stored_pagination_token()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-interrupted");
        seller.Book.AddMany(4);
        seller.Book.Interrupt(afterPages: 1);

        var failed = await app.SyncOrdersAsync(seller.Connection);
        var resumed = await app.SyncOrdersAsync(seller.Connection);

        Assert.Equal(SyncResult.Failed, failed.Result);
        Assert.Contains("Amazon answered 500: InternalFailure", failed.Message);
        Assert.Equal(SyncResult.Synced, resumed.Result);
        var requests = seller.Book.Requests().Select(Query).ToList();
        Assert.Equal(requests[1]["paginationToken"], requests[2]["paginationToken"]);
        Assert.Equal(seller.Book.List().Count, (await app.StoredOrdersAsync(seller.Connection)).Count);
    }
}
