using Marketplaces.AliExpress.Sandbox;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Marketplaces.Products;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Tests.Dropshipping;

/// <summary>
/// Searching, reading and importing a supplier product through the app's AliExpress client against the emulator over
/// HTTP: signed /sync calls, the answers' wrapped lists and string numbers read into the catalog.
/// </summary>
public class SupplierImportTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private SupplierConnections Suppliers => app.Services.GetRequiredService<SupplierConnections>();
    private SupplierImports Imports => app.Services.GetRequiredService<SupplierImports>();
    private AliExpressEmulator Emulator => app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single();

    private async Task<ConnectionApi> OpenAsync(Guid connection) => (await Suppliers.OpenAsync(connection, "test", CancellationToken.None)).Api;

    private async Task<ISupplierCatalog> CatalogAsync(Guid connection) => (await Suppliers.OpenAsync(connection, "test", CancellationToken.None)).Catalog;

    [Fact]
    public async Task A_search_reads_hits_with_price_rating_and_orders_page_by_page()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "aliexpress", "searching-buyer");
        var catalog = await CatalogAsync(connection);
        var first = await catalog.SearchAsync(await OpenAsync(connection), new SupplierSearch("phone", "US", "USD", SupplierSort.PriceLowToHigh, 1, 2), default);
        var second = await catalog.SearchAsync(await OpenAsync(connection), new SupplierSearch("phone", "US", "USD", SupplierSort.PriceLowToHigh, 2, 2), default);

        Assert.Equal(2, first.Hits.Count);
        Assert.True(first.Total >= 4);
        Assert.Equal(first.Total, second.Total);
        Assert.Empty(first.Hits.Select(h => h.ProductId).Intersect(second.Hits.Select(h => h.ProductId)));
        Assert.True(first.Hits[0].Price <= first.Hits[1].Price && first.Hits[1].Price <= second.Hits[0].Price);
        Assert.All(first.Hits, h =>
        {
            Assert.NotNull(h.Rating);
            Assert.InRange(h.Rating!.Value, 0, 5);
            Assert.NotNull(h.Orders);
            Assert.StartsWith("http", h.ImageUrl);
            Assert.Equal("USD", h.Currency);
        });
    }

    [Fact]
    public async Task A_product_reads_its_skus_options_stock_package_and_freight()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "aliexpress", "reading-buyer");
        var seeded = Emulator.Catalogue.All.First(p => p.Options.Count == 2);
        var catalog = await CatalogAsync(connection);

        var product = await catalog.ProductAsync(await OpenAsync(connection), seeded.ProductId.ToString(), "GB", "GBP", default);

        Assert.Equal(seeded.Title, product.Title);
        Assert.Equal("GBP", product.Currency);
        Assert.Equal(seeded.Options.Select(o => o.Name), product.Options);
        Assert.Equal(seeded.Skus.Select(s => s.SkuAttr), product.Skus.Select(s => s.SkuAttr));
        Assert.Equal(seeded.Skus.Select(s => s.Stock), product.Skus.Select(s => s.Stock));
        Assert.Equal(seeded.Skus[0].Values, product.Skus[0].Values);
        Assert.Equal(Math.Round(seeded.Skus[0].Price * 0.79m, 2, MidpointRounding.AwayFromZero), product.Skus[0].Price);
        Assert.Equal(3, product.ImageUrls.Count);
        Assert.Equal(seeded.WeightKg, product.Package!.WeightKg);

        var freight = await catalog.FreightAsync(await OpenAsync(connection), product.ProductId, product.Skus[0].SkuId, 2, "GB", "GBP", default);
        Assert.Equal("CAINIAO_STANDARD", freight[0].Code);
        Assert.Equal(0m, freight[0].Fee);
        Assert.True(freight.Zip(freight.Skip(1)).All(p => p.First.Fee <= p.Second.Fee));

        var refused = await Assert.ThrowsAsync<MarketplaceException>(() =>
            catalog.FreightAsync(OpenAsync(connection).Result, product.ProductId, product.Skus[0].SkuId, 1, "KP", "USD", default));
        Assert.Contains("does not deliver this product to KP", refused.Message);
        var unknown = await Assert.ThrowsAsync<MarketplaceException>(() => catalog.ProductAsync(OpenAsync(connection).Result, "1", "US", "USD", default));
        Assert.Equal("AliExpress has no product 1.", unknown.Message);
    }

    [Fact]
    public async Task Import_makes_a_product_with_a_variant_per_sku_priced_by_the_rule_with_its_photos_and_links_and_only_once()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "aliexpress", "importing-buyer");
        var seeded = Emulator.Catalogue.All.Where(p => p.Options.Count == 2).Skip(1).First();
        var rule = new PricingRule(50, 1, 0.99m);

        var result = await Imports.ImportAsync(connection, seeded.ProductId.ToString(), "US", rule, "owner");

        Assert.Empty(result.Errors);
        var product = (await app.Services.GetRequiredService<ProductCatalog>().FindAsync(result.ProductId!.Value))!;
        Assert.Equal($"AE-{seeded.ProductId}", product.Sku);
        Assert.Equal(seeded.Skus.Count, product.Variants.Count);
        Assert.Equal(seeded.Options.Select(o => o.Name), product.Options.OrderBy(o => o.Position).Select(o => o.Name));
        var variants = product.Variants.OrderBy(v => v.Position).ToList();
        for (var i = 0; i < variants.Count; i++)
        {
            Assert.Equal(seeded.Skus[i].Values, variants[i].OptionValues);
            Assert.Equal(rule.PriceFor(seeded.Skus[i].Price), variants[i].Price);
            Assert.Equal(seeded.Skus[i].Stock, variants[i].Quantity);
        }
        Assert.Equal(3, product.Images.Count);
        var images = app.Services.GetRequiredService<ProductImages>();
        Assert.All(product.Images, i => Assert.NotNull(images.OriginalOf(i.Id)));
        Assert.Equal((int)Math.Ceiling(seeded.WeightKg * 1000), product.WeightGrams);

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var link = await db.Set<SupplierLink>().Include(l => l.Skus).SingleAsync(l => l.ProductId == product.Id);
            Assert.Equal(seeded.ProductId.ToString(), link.SupplierProductId);
            Assert.Equal(connection, link.ConnectionId);
            Assert.Equal((50m, 1m, 0.99m), (link.MarkupPercent, link.FixedAmount, link.PriceEnding));
            Assert.Equal(variants.Select(v => (Guid?)v.Id), link.Skus.OrderBy(s => s.Id).Select(s => s.VariantId));
            Assert.Equal(seeded.Skus.Select(s => (s.SkuId, s.SkuAttr, s.Price)), link.Skus.OrderBy(s => s.Id).Select(s => (s.SkuId, s.SkuAttr, s.Cost)));
        }

        var again = await Imports.ImportAsync(connection, seeded.ProductId.ToString(), "US", rule, "owner");
        Assert.Equal(product.Id, again.ProductId);
        Assert.Equal("Already in the catalog.", again.Message);
    }

    [Fact]
    public async Task A_withdrawn_product_or_a_bad_rule_imports_nothing_and_says_why()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "aliexpress", "careful-buyer");
        var withdrawn = Emulator.Catalogue.All.Last();
        Emulator.Catalogue.Change(withdrawn.ProductId, p => p.OnSale = false);
        try
        {
            var result = await Imports.ImportAsync(connection, withdrawn.ProductId.ToString(), "US", new PricingRule(100, 0, null), "owner");
            Assert.Null(result.ProductId);
            Assert.Equal("The supplier no longer sells this product.", Assert.Single(result.Errors));
        }
        finally
        {
            Emulator.Catalogue.Change(withdrawn.ProductId, p => p.OnSale = true);
        }
        var badRule = await Imports.ImportAsync(connection, withdrawn.ProductId.ToString(), "US", new PricingRule(100, 0, 1.5m), "owner");
        Assert.Null(badRule.ProductId);
        Assert.Contains("ending", Assert.Single(badRule.Errors));
        Assert.Null(await Imports.ImportedAsync("aliexpress", withdrawn.ProductId.ToString()));
    }

    [Fact]
    public async Task The_supplier_sync_mirrors_stock_reprices_a_cost_change_by_the_rule_and_flags_withdrawals_and_thin_margins()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "aliexpress", "syncing-buyer");
        var seeded = Emulator.Catalogue.All.Where(p => p.Options.Count == 1).Skip(1).First();
        var rule = new PricingRule(100, 0, 0.99m);
        var imported = await Imports.ImportAsync(connection, seeded.ProductId.ToString(), "US", rule, "owner");
        var sync = app.Services.GetRequiredService<SupplierSync>();
        var catalog = app.Services.GetRequiredService<ProductCatalog>();
        var (cost, stock) = (seeded.Skus[0].Price, seeded.Skus[1].Stock);
        try
        {
            Emulator.Catalogue.Change(seeded.ProductId, p => (p.Skus[0].Price, p.Skus[1].Stock) = (cost + 2m, 0));

            var said = await sync.SyncAsync(imported.ProductId!.Value, "test");

            Assert.Contains($"cost {cost:0.00} → {cost + 2m:0.00} USD", said);
            var product = (await catalog.FindAsync(imported.ProductId!.Value))!;
            var variants = product.Variants.OrderBy(v => v.Position).ToList();
            Assert.Equal(rule.PriceFor(cost + 2m), variants[0].Price);
            Assert.Equal(0, variants[1].Quantity);
            var link = (await Imports.LinkAsync(product.Id))!;
            Assert.Equal(cost + 2m, link.Skus.OrderBy(s => s.Id).First().Cost);
            Assert.Null(link.Problem);
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
                Assert.Contains(await db.Set<Marketplaces.Inventory.StockMovement>().Where(m => m.Sku == variants[1].Sku).ToListAsync(),
                    m => m.Reason == Marketplaces.Inventory.StockMovementReason.Supplier && m.Change == -stock);

            Emulator.Catalogue.Change(seeded.ProductId, p => p.OnSale = false);
            await sync.SyncAsync(product.Id, "test");
            Assert.All((await catalog.FindAsync(product.Id))!.Variants, v => Assert.Equal(0, v.Quantity));
            Assert.StartsWith("The supplier no longer sells this product", (await Imports.LinkAsync(product.Id))!.Problem);
        }
        finally
        {
            Emulator.Catalogue.Change(seeded.ProductId, p => (p.Skus[0].Price, p.Skus[1].Stock, p.OnSale) = (cost, stock, true));
        }

        var thin = Emulator.Catalogue.All.Where(p => p.Options.Count == 0).First();
        var weak = await Imports.ImportAsync(connection, thin.ProductId.ToString(), "US", new PricingRule(5, 0, null), "owner");
        await sync.SyncAsync(weak.ProductId!.Value, "test");
        Assert.Contains("is under your floor of 15 %", (await Imports.LinkAsync(weak.ProductId!.Value))!.Problem);
    }

    [Fact]
    public async Task A_changed_rule_reprices_every_variant_from_its_cost_or_leaves_the_prices_to_the_seller()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "aliexpress", "repricing-buyer");
        var seeded = Emulator.Catalogue.All.Where(p => p.Options.Count == 1).Skip(2).First();
        var imported = await Imports.ImportAsync(connection, seeded.ProductId.ToString(), "US", new PricingRule(100, 0, 0.99m), "owner");
        var catalog = app.Services.GetRequiredService<ProductCatalog>();
        var productId = imported.ProductId!.Value;

        Assert.Null(await Imports.ChangeRuleAsync(productId, new PricingRule(200, 1, null), autoReprice: true, 20, "owner"));
        var product = (await catalog.FindAsync(productId))!;
        Assert.Equal(seeded.Skus.Select(s => new PricingRule(200, 1, null).PriceFor(s.Price)), product.Variants.OrderBy(v => v.Position).Select(v => v.Price));
        var link = (await Imports.LinkAsync(productId))!;
        Assert.Equal((200m, 1m, (decimal?)null, true, (decimal?)20m), (link.MarkupPercent, link.FixedAmount, link.PriceEnding, link.AutoReprice, link.MarginFloorPercent));

        var before = product.Variants.OrderBy(v => v.Position).Select(v => v.Price).ToList();
        Assert.Null(await Imports.ChangeRuleAsync(productId, new PricingRule(10, 0, null), autoReprice: false, null, "owner"));
        Assert.Equal(before, (await catalog.FindAsync(productId))!.Variants.OrderBy(v => v.Position).Select(v => v.Price));
        Assert.False((await Imports.LinkAsync(productId))!.AutoReprice);

        Assert.Contains("margin floor", await Imports.ChangeRuleAsync(productId, new PricingRule(10, 0, null), autoReprice: false, 150, "owner"));
        Assert.Contains("ending", await Imports.ChangeRuleAsync(productId, new PricingRule(10, 0, 2m), autoReprice: false, null, "owner"));
    }
}
