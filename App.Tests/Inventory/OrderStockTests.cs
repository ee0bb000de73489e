using Marketplaces.Inventory;
using Marketplaces.Products;
using Marketplaces.Tests.Polling;
using Marketplaces.Tests.Products;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Inventory;

public sealed class OrderStockOnSqlite(PollingFixture app) : OrderStockTests<PollingFixture>(app);

public sealed class OrderStockOnPostgreSql(PostgreSqlPollingFixture app) : OrderStockTests<PostgreSqlPollingFixture>(app);

/// <summary>Stock moved by orders on each provider's real database, with two feeds storing sales of one SKU at the same time.</summary>
public abstract class OrderStockTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : PollingFixture
{
    [Fact]
    public async Task Two_feeds_storing_sales_of_one_sku_at_once_move_it_by_every_unit_once()
    {
        var catalog = app.Services.GetRequiredService<ProductCatalog>();
        Assert.True((await catalog.SaveAsync(PublishingFixture.New("LOCK-MUG", quantity: 40))).Saved);
        var product = (await catalog.FindBySkuAsync(["LOCK-MUG"]))["LOCK-MUG"];
        var sellers = new[] { await app.ConnectEbayAsync("stock-lock-one"), await app.ConnectEbayAsync("stock-lock-two") };
        foreach (var (_, seller) in sellers)
            for (var i = 0; i < 6; i++) InventoryFixture.Sell(app.EbayOrders(seller), "lock-mug", "110550000001", 1 + i % 2);

        await Task.WhenAll(sellers.Select(s => app.SyncOrdersAsync(s.Connection)));
        await Task.WhenAll(sellers.Select(s => app.SyncOrdersAsync(s.Connection)));

        Assert.Equal(40 - 2 * 9, (await catalog.FindAsync(product.Id))!.Quantity);
        var sales = (await app.Services.GetRequiredService<StockLedger>().HistoryAsync(product.Id)).Where(m => m.Reason == StockMovementReason.Sale).ToList();
        Assert.Equal(12, sales.Count);
        // Each sale saw the one before it: no two started from the same quantity.
        Assert.Equal(sales.Count, sales.Select(m => m.QuantityAfter).Distinct().Count());
        Assert.Equal(40 - 2 * 9, sales.Min(m => m.QuantityAfter));
    }
}
