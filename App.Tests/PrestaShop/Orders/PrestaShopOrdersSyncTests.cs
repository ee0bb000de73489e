using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.PrestaShop.Sandbox;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.PrestaShop.Orders;

/// <summary>
/// The orders feed against the emulator through the polling engine, 3 orders a page. The sandbox is one shop, so one
/// connection and one order book for the whole class: the story runs in one test, in order.
/// </summary>
public sealed class PrestaShopOrdersSyncTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private SandboxOrderBook Book => app.Services.GetServices<ISandboxEmulator>().OfType<PrestaShopEmulator>().Single().Book();

    [Fact]
    public async Task First_sync_pages_then_later_syncs_bring_changes_in_place_resume_after_a_failure_and_never_duplicate()
    {
        var connection = await app.ConnectAsync("prestashop", "shop");
        var seeded = Book.List();

        var first = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, first.Result);
        Assert.Equal(2, first.Pages);
        var stored = await app.StoredOrdersAsync(connection);
        Assert.Equal(seeded.Select(o => o.Id).Order(), stored.Select(o => o.ExternalId).Order());
        var sample = seeded[0];
        var mapped = stored.Single(o => o.ExternalId == sample.Id);
        Assert.Equal(PrestaShopOrderRows.Reference(sample), mapped.OrderNumber);
        Assert.Equal((sample.BuyerName, "USD", sample.Total), (mapped.BuyerName, mapped.Currency, mapped.Total));
        Assert.Equal(sample.ModifiedAt.AddTicks(-(sample.ModifiedAt.UtcTicks % TimeSpan.TicksPerSecond)), mapped.UpdatedAt);
        Assert.Equal((sample.ShipTo.City, sample.ShipTo.CountryCode), (mapped.ShipTo!.City, mapped.ShipTo.CountryCode));
        Assert.Equal(sample.Lines.Select(l => (l.LineId, l.Sku, l.Quantity, l.UnitPrice)),
            mapped.Lines.OrderBy(l => sample.Lines.FindIndex(s => s.LineId == l.ExternalLineId)).Select(l => (l.ExternalLineId, l.Sku!, l.Quantity, l.UnitPrice)));
        var reads = Book.Requests();
        Assert.All(reads, r => Assert.Contains("date=1&filter%5Bdate_upd%5D=%5B", r));
        Assert.Contains("limit=0%2C3", reads[0]);
        Assert.Contains("limit=3%2C3", reads[1]);
        Assert.Equal(Window(reads[0]), Window(reads[1]));

        var changed = Book.Update(sample.Id, o => o.Status = SandboxOrderStatus.Cancelled);
        var added = Book.AddMany(4);
        var second = await app.SyncOrdersAsync(connection);

        Assert.Equal((2, 5), (second.Pages, second.Items));
        stored = await app.StoredOrdersAsync(connection);
        Assert.Equal(seeded.Count + 4, stored.Count);
        var updated = stored.Single(o => o.ExternalId == changed.Id);
        Assert.Equal((mapped.Id, OrderStatus.Cancelled, "Canceled"), (updated.Id, updated.Status, updated.MarketplaceStatus));

        Book.AddMany(5);
        var before = Book.Requests().Count;
        Book.Interrupt(afterPages: 1);
        var failed = await app.SyncOrdersAsync(connection);
        var resumed = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Failed, failed.Result);
        Assert.Equal(SyncResult.Synced, resumed.Result);
        reads = Book.Requests();
        Assert.Contains("limit=0%2C3", reads[before]);
        Assert.Contains("limit=3%2C3", reads[before + 2]);
        Assert.Equal(Window(reads[before]), Window(reads[before + 2]));
        stored = await app.StoredOrdersAsync(connection);
        Assert.Equal(seeded.Count + 9, stored.Count);
        Assert.Equal(stored.Count, stored.Select(o => o.ExternalId).Distinct().Count());
        Assert.Equal(Book.List().Select(o => o.Id).Order(), stored.Select(o => o.ExternalId).Order());
    }

    private static string Window(string query) => query.Split('&').Single(p => p.StartsWith("filter%5Bdate_upd%5D=", StringComparison.Ordinal));
}
