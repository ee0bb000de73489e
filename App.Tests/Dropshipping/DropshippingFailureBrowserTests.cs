using Marketplaces.AliExpress.Sandbox;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Products;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Inventory;
using Marketplaces.Tests.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Dropshipping;

/// <summary>
/// Every dropshipping action with AliExpress refusing the connection's token (its authorization withdrawn on
/// AliExpress's side): each says so where the seller clicked, and the page goes on working (issue 11's rule for every
/// page: no action ends the seller's circuit).
/// </summary>
public sealed class DropshippingFailureBrowserTests(ProductsBrowserFixture app) : IClassFixture<ProductsBrowserFixture>
{
    [Fact]
    public async Task With_aliexpress_refusing_the_token_every_action_says_so_and_the_pages_keep_working()
    {
        var aliExpress = await SandboxAccounts.ConnectAsync(app, "aliexpress", "withdrawn-buyer");
        var emulator = app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single();
        var supplier = emulator.Catalogue.All.Where(p => p.Options.Count > 0).ElementAt(5);
        var imported = await app.Services.GetRequiredService<SupplierImports>().ImportAsync(aliExpress, supplier.ProductId.ToString(), "US", new PricingRule(100, 0, 0.99m), "owner");
        var variant = (await app.Services.GetRequiredService<ProductCatalog>().FindAsync(imported.ProductId!.Value))!.Variants
            .Single(v => v.Position == supplier.Skus.FindIndex(s => s.Stock > 5));
        var ebay = await SandboxAccounts.ConnectAsync(app, "ebay", "withdrawn-seller");
        var book = app.Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(EbaySandboxAccount.FromName("withdrawn-seller"));
        var placedSale = InventoryFixture.Sell(book, variant.Sku, "330033", 1);
        var openSale = InventoryFixture.Sell(book, variant.Sku, "330033", 1);
        await app.Services.GetRequiredService<FeedEngine>().SyncAsync(ebay, FeedNames.Orders, "test");
        Guid placed, open;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            placed = await db.Set<Order>().Where(o => o.ExternalId == placedSale.Id).Select(o => o.Id).SingleAsync();
            open = await db.Set<Order>().Where(o => o.ExternalId == openSale.Id).Select(o => o.Id).SingleAsync();
        }
        var ordering = app.Services.GetRequiredService<SupplierOrdering>();
        var plan = (await ordering.PlanAsync(placed))!;
        var service = ordering.Suggested((await ordering.QuoteAsync(plan.Lines[0], plan.Country, "owner")).Freight)!;
        var address = plan.Address with { Phone = "+1 555 0100", Province = plan.Address.Province.Length > 0 ? plan.Address.Province : plan.Address.City };
        Assert.Equal(SupplierOrderState.AwaitingPayment, (await ordering.PlaceAsync(placed, address, new Dictionary<string, FreightOption> { [plan.Lines[0].Line.ExternalLineId] = service }, "owner")).State);

        // The buyer withdraws the app's authorization on AliExpress: its access token is refused from now on.
        var token = (await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(aliExpress))[TokenVault.AccessToken];
        Assert.True(await app.Services.GetRequiredService<SandboxGrants>().RevokeAsync("aliexpress", SandboxGrantKinds.Access, token));

        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/dropshipping");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".supplier-feed")).ToHaveCountAsync(0);
        await page.Locator(".supplier-keywords input").FillAsync("mat");
        await page.Locator(".supplier-search").ClickAsync();
        await Expect(page.Locator(".supplier-error")).ToContainTextAsync("AliExpress answered IllegalAccessToken");
        await page.Locator(".supplier-keywords input").FillAsync("");
        await page.Locator(".supplier-search").ClickAsync();
        await Expect(page.Locator(".supplier-error")).ToHaveTextAsync("Type what you are looking for.");

        await page.GotoAsync($"/dropshipping/{aliExpress}/{supplier.ProductId}?country=US");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".supplier-error")).ToContainTextAsync("IllegalAccessToken");

        await page.GotoAsync($"/products/{imported.ProductId}");
        await page.WaitForInteractiveAsync();
        await page.Locator(".product-supplier .supplier-sync").ClickAsync();
        await Expect(page.Locator(".supplier-sync-result")).ToContainTextAsync("IllegalAccessToken");
        await Expect(page.Locator(".supplier-problem")).ToContainTextAsync("Could not read the supplier's product");

        await page.GotoAsync($"/orders/{open}");
        await page.WaitForInteractiveAsync();
        await page.Locator(".supplier-start").ClickAsync();
        await Expect(page.Locator(".supplier-no-service")).ToContainTextAsync("IllegalAccessToken");
        await Expect(page.Locator(".supplier-place")).ToBeDisabledAsync();

        await page.GotoAsync($"/orders/{placed}");
        await page.WaitForInteractiveAsync();
        await page.Locator(".supplier-check").ClickAsync();
        await Expect(page.Locator(".supplier-outcome")).ToContainTextAsync("Could not check the supplier order: AliExpress answered IllegalAccessToken");
        await Expect(page.Locator(".supplier-order-state")).ToHaveTextAsync("Awaiting payment");
    }
}
