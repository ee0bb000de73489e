using Marketplaces.Inventory;
using Marketplaces.Orders;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Database;
using Marketplaces.WooCommerce.Sandbox.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Tests.WooCommerce.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Inventory;

public sealed class InventorySyncTests(InventoryFixture app) : IClassFixture<InventoryFixture>
{
    private static readonly string[] OthersThanEbay = ["woocommerce", "shopify", "prestashop", "etsy", "amazon"];

    private async Task AllShowAsync(string sku, int quantity, params string[] marketplaces)
    {
        foreach (var marketplace in marketplaces)
            await InventoryFixture.Until(async () => await app.ChannelQuantityAsync(marketplace, sku) == quantity, $"{quantity} of {sku} on {marketplace}");
    }

    [Fact]
    public async Task A_sale_on_ebay_moves_the_catalog_once_and_reaches_the_five_other_marketplaces_and_a_cancellation_restores_it()
    {
        var product = await app.ListedAsync("STOCK-SALE", 5);
        var ebay = await app.ListingAsync(product.Id, "ebay");

        var order = InventoryFixture.Sell(app.EbayBook, "STOCK-SALE", ebay.ExternalId!, 2);
        await app.SyncOrdersAsync("ebay");

        Assert.Equal(3, await app.OnHandAsync(product.Id));
        await AllShowAsync("STOCK-SALE", 3, OthersThanEbay);
        // eBay sold the units itself: nothing is sent back there.
        Assert.Equal(3, (await app.ListingAsync(product.Id, "ebay")).ChannelQuantities["STOCK-SALE"]);
        var sale = Assert.Single(await app.Ledger.HistoryAsync(product.Id), m => m.Reason == StockMovementReason.Sale);
        Assert.Equal((-2, 3), (sale.Change, sale.QuantityAfter));
        Assert.Contains(order.Id, sale.Note);

        await app.SyncOrdersAsync("ebay");
        app.EbayBook.Update(order.Id, o => o.Lines[0].Quantity = 2);
        await app.SyncOrdersAsync("ebay");
        Assert.Equal(3, await app.OnHandAsync(product.Id));
        Assert.Single(await app.Ledger.HistoryAsync(product.Id), m => m.Reason == StockMovementReason.Sale);

        app.EbayBook.Update(order.Id, o => o.Status = SandboxOrderStatus.Cancelled);
        await app.SyncOrdersAsync("ebay");

        Assert.Equal(5, await app.OnHandAsync(product.Id));
        await AllShowAsync("STOCK-SALE", 5, [.. OthersThanEbay, "ebay"]);
        var restock = Assert.Single(await app.Ledger.HistoryAsync(product.Id), m => m.Reason == StockMovementReason.Cancellation);
        Assert.Equal((2, 5), (restock.Change, restock.QuantityAfter));
    }

    [Fact]
    public async Task Ten_sales_read_together_make_one_push_per_listing_with_the_latest_quantity()
    {
        var product = await app.ListedAsync("STOCK-BURST", 20, "ebay", "woocommerce");
        var ebay = await app.ListingAsync(product.Id, "ebay");
        var batchesBefore = app.Services.GetRequiredService<SandboxJournal>().Count("woocommerce", WooCommerceProductsEndpoints.ProductsBatch);

        for (var i = 0; i < 10; i++) InventoryFixture.Sell(app.EbayBook, "STOCK-BURST", ebay.ExternalId!, 1);
        await app.SyncOrdersAsync("ebay");

        await AllShowAsync("STOCK-BURST", 10, "woocommerce");
        await Task.Delay(1500);
        Assert.Equal(1, app.Services.GetRequiredService<SandboxJournal>().Count("woocommerce", WooCommerceProductsEndpoints.ProductsBatch) - batchesBefore);
        Assert.Equal(10, (await app.Ledger.HistoryAsync(product.Id)).Count(m => m.Reason == StockMovementReason.Sale));
    }

    [Fact]
    public async Task The_last_unit_sold_on_two_channels_at_once_flags_the_later_order_oversold_and_puts_0_everywhere()
    {
        var product = await app.ListedAsync("STOCK-LAST", 1, "ebay", "woocommerce", "shopify");
        var ebay = await app.ListingAsync(product.Id, "ebay");
        var woo = await app.ListingAsync(product.Id, "woocommerce");

        InventoryFixture.Sell(app.EbayBook, "STOCK-LAST", ebay.ExternalId!, 1);
        InventoryFixture.Sell(app.WooCommerceBook, "STOCK-LAST", woo.ExternalId!, 1);
        await app.SyncOrdersAsync("ebay");
        await app.SyncOrdersAsync("woocommerce");

        Assert.Equal(0, await app.OnHandAsync(product.Id));
        var oversold = Assert.Single(await app.Ledger.OversoldAsync());
        Assert.Equal(("woocommerce", 1), (oversold.Marketplace, oversold.Units));
        await AllShowAsync("STOCK-LAST", 0, "shopify", "woocommerce");
        // eBay took its sale off itself (its emulator's book does not move the listing's stock: this app's record says so).
        Assert.Equal(0, (await app.ListingAsync(product.Id, "ebay")).ChannelQuantities["STOCK-LAST"]);
        Assert.Equal(0, (await app.ListingAsync(product.Id, "woocommerce")).ChannelQuantities["STOCK-LAST"]);
    }

    [Fact]
    public async Task A_push_the_marketplace_refuses_stays_visible_and_due_and_goes_through_once_the_cause_is_gone()
    {
        var product = await app.ListedAsync("STOCK-GONE", 4, "ebay", "woocommerce");
        var ebay = await app.ListingAsync(product.Id, "ebay");
        var woo = await app.ListingAsync(product.Id, "woocommerce");
        var site = WooCommerceStores.Emulator(app).Site();
        var removed = site.Products.Write((all, _) =>
        {
            var held = all.Single(p => p.Id.ToString() == woo.ExternalId);
            all.Remove(held);
            return held;
        });

        InventoryFixture.Sell(app.EbayBook, "STOCK-GONE", ebay.ExternalId!, 1);
        await app.SyncOrdersAsync("ebay");
        await InventoryFixture.Until(async () => (await app.ListingAsync(product.Id, "woocommerce")).StockMessage is not null, "refused");

        var refused = await app.ListingAsync(product.Id, "woocommerce");
        Assert.Contains("woocommerce_rest_product_invalid_id", refused.StockMessage);
        Assert.NotNull(refused.StockDueAt);
        Assert.Equal(1, await app.Ledger.RefusedPushesAsync());

        site.Products.Write((all, _) =>
        {
            all.Add(removed);
            return removed;
        });
        await app.Services.GetRequiredService<StockPushes>().ScheduleDueAsync();
        await AllShowAsync("STOCK-GONE", 3, "woocommerce");
        await InventoryFixture.Until(async () => (await app.ListingAsync(product.Id, "woocommerce")) is { StockMessage: null, StockDueAt: null }, "cleared");
    }

    [Fact]
    public async Task A_channel_keeping_units_in_reserve_lists_that_many_fewer_and_one_set_not_to_sync_keeps_its_quantity()
    {
        var product = await app.ListedAsync("STOCK-RULE", 6, "ebay", "woocommerce", "prestashop");
        await app.Publishes.SaveProductSettingsAsync(product.Id, app.Connections["woocommerce"], new Dictionary<string, string> { [StockRules.ReserveKey] = "2" },
            new Dictionary<string, string> { [StockRules.ReserveKey] = "0" });
        await app.Publishes.SaveProductSettingsAsync(product.Id, app.Connections["prestashop"], new Dictionary<string, string> { [StockRules.SyncKey] = "off" },
            new Dictionary<string, string> { [StockRules.SyncKey] = "on" });
        var ebay = await app.ListingAsync(product.Id, "ebay");

        InventoryFixture.Sell(app.EbayBook, "STOCK-RULE", ebay.ExternalId!, 1);
        await app.SyncOrdersAsync("ebay");

        await AllShowAsync("STOCK-RULE", 3, "woocommerce");
        await Task.Delay(1500);
        Assert.Equal(6, await app.ChannelQuantityAsync("prestashop", "STOCK-RULE"));
    }

    [Fact]
    public async Task An_edit_records_who_moved_the_stock_and_keeps_a_sale_read_while_the_page_was_open()
    {
        var product = await app.ListedAsync("STOCK-EDIT", 8, "ebay", "woocommerce");
        var opened = (await app.Catalog.FindAsync(product.Id))!;
        var loaded = StockLedger.Quantities(opened);
        var ebay = await app.ListingAsync(product.Id, "ebay");
        InventoryFixture.Sell(app.EbayBook, "STOCK-EDIT", ebay.ExternalId!, 3);
        await app.SyncOrdersAsync("ebay");

        opened.Title = "Renamed while a sale came in";
        Assert.True((await app.Catalog.SaveAsync(opened, cause: StockCause.EditedBy("owner@example.test", loaded))).Saved);
        Assert.Equal(5, await app.OnHandAsync(product.Id));

        opened = (await app.Catalog.FindAsync(product.Id))!;
        loaded = StockLedger.Quantities(opened);
        opened.Quantity = 12;
        Assert.True((await app.Catalog.SaveAsync(opened, cause: StockCause.EditedBy("owner@example.test", loaded))).Saved);
        var edit = Assert.Single(await app.Ledger.HistoryAsync(product.Id), m => m.Actor is not null);
        Assert.Equal(StockMovementReason.Edit, edit.Reason);
        Assert.Equal((7, 12, "owner@example.test"), (edit.Change, edit.QuantityAfter, edit.Actor));
        await AllShowAsync("STOCK-EDIT", 12, "woocommerce");
    }

    [Fact]
    public async Task Stock_changed_on_a_marketplace_directly_is_flagged_and_resolved_with_the_catalogs_or_the_channels()
    {
        var product = await app.ListedAsync("STOCK-DRIFT", 6, "ebay", "woocommerce");
        var woo = await app.ListingAsync(product.Id, "woocommerce");
        int SetAtStore(int quantity) => WooCommerceStores.Emulator(app).Site().Products.Write((all, _) => (int)(all.Single(p => p.Id.ToString() == woo.ExternalId).StockQuantity = quantity)!);
        var drift = app.Services.GetRequiredService<StockDrift>();

        SetAtStore(9);
        Assert.Equal(1, await drift.CheckAsync(app.Connections["woocommerce"], CancellationToken.None));
        await drift.CheckAsync(app.Connections["ebay"], CancellationToken.None);
        Assert.Empty((await app.ListingAsync(product.Id, "ebay")).Drift);
        Assert.Equal(9, (await app.ListingAsync(product.Id, "woocommerce")).Drift["STOCK-DRIFT"]);
        Assert.Contains(await app.Ledger.DriftedAsync(), d => d.ProductId == product.Id && d.Marketplace == "woocommerce");

        await drift.TakeCatalogsAsync(woo.Id);
        await AllShowAsync("STOCK-DRIFT", 6, "woocommerce");
        await InventoryFixture.Until(async () => (await app.ListingAsync(product.Id, "woocommerce")) is { StockDueAt: null, Drift.Count: 0 }, "in step");
        Assert.Equal(6, await app.OnHandAsync(product.Id));

        SetAtStore(4);
        Assert.Equal(1, await drift.CheckAsync(app.Connections["woocommerce"], CancellationToken.None));
        await drift.TakeChannelsAsync(woo.Id, "owner@example.test");

        Assert.Equal(4, await app.OnHandAsync(product.Id));
        var taken = Assert.Single(await app.Ledger.HistoryAsync(product.Id), m => m.Reason == StockMovementReason.TakenFromChannel);
        Assert.Equal((-2, 4, "owner@example.test"), (taken.Change, taken.QuantityAfter, taken.Actor));
        await AllShowAsync("STOCK-DRIFT", 4, "ebay");
        Assert.DoesNotContain(await app.Ledger.DriftedAsync(), d => d.ProductId == product.Id);
    }
}
