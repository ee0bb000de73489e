using Marketplaces.Polling;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Products;
using Marketplaces.Tests.WooCommerce.Orders;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Inventory;

public sealed class InventoryBrowserTests(ProductsBrowserFixture app) : IClassFixture<ProductsBrowserFixture>
{
    [Fact]
    public async Task A_sale_shows_in_the_product_pages_stock_history_and_a_low_stock_level_puts_the_product_on_the_dashboard()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "woocommerce", "main");
        var product = PublishingFixture.New("LEDGER-MUG", quantity: 4);
        product.Title = "Ledger mug";
        Assert.True((await app.Services.GetRequiredService<ProductCatalog>().SaveAsync(product)).Saved);
        var publishes = app.Services.GetRequiredService<ListingPublishes>();
        await publishes.RequestAsync(product.Id, [connection], "test");
        await InventoryFixture.Until(async () => (await publishes.ListingsAsync(product.Id)).Single().State == ListingState.Live, "live");
        var listing = (await publishes.ListingsAsync(product.Id)).Single();
        var order = InventoryFixture.Sell(WooCommerceStores.Emulator(app).Book(), "LEDGER-MUG", listing.ExternalId!, 3);
        await app.Services.GetRequiredService<FeedEngine>().SyncAsync(connection, FeedNames.Orders, "test");

        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/products/{product.Id}");
        await page.WaitForInteractiveAsync();
        var sale = page.Locator(".stock-movement[data-reason=Sale]");
        await Expect(sale).ToContainTextAsync("−3");
        await Expect(sale).ToContainTextAsync($"Order {order.Id} sold on");
        await Expect(sale.Locator(".stock-after")).ToHaveTextAsync("1");
        await Expect(page.Locator(".product-quantity-field input")).ToHaveValueAsync("1");

        await page.Locator(".product-low-stock-field input").FillAsync("2");
        await page.Locator(".save-product").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved LEDGER-MUG");

        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        var low = page.Locator(".low-stock-row", new() { HasText = "Ledger mug" });
        await Expect(low.Locator(".low-stock-on-hand")).ToHaveTextAsync("1");
    }
}
