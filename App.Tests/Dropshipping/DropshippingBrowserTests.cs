using Marketplaces.AliExpress.Sandbox;
using Marketplaces.Tests.Products;
using Marketplaces.Dropshipping;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Dropshipping;

public sealed class DropshippingBrowserTests(ProductsBrowserFixture app) : IClassFixture<ProductsBrowserFixture>
{
    [Fact]
    public async Task A_seller_connects_aliexpress_searches_opens_a_product_checks_shipping_and_imports_it_priced_by_the_rule_and_an_unknown_product_says_so()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/dropshipping");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".no-supplier")).ToContainTextAsync("Connect your AliExpress buyer account");

        var connection = await SandboxAccounts.ConnectAsync(app, "aliexpress", "browser-dropshipper");
        await page.GotoAsync($"/dropshipping/{connection}/1?country=US");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator(".supplier-error")).ToHaveTextAsync("AliExpress has no product 1.");

        await page.GotoAsync("/dropshipping");
        await page.WaitForInteractiveAsync();
        await page.Locator(".supplier-keywords input").FillAsync("phone");
        await page.Locator(".supplier-sort").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Price: low to high" }).ClickAsync();
        await Expect(page.Locator(".supplier-sort input")).ToHaveValueAsync("Price: low to high");
        await page.Locator(".supplier-search").ClickAsync();
        await Expect(page.Locator(".supplier-summary")).ToContainTextAsync("products for “phone”, shipped to United States.");
        var hits = page.Locator(".supplier-hit");
        Assert.True(await hits.CountAsync() >= 4);

        var catalogue = app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single().Catalogue;
        var cheapest = catalogue.All.Where(p => p.Title.Contains("phone", StringComparison.OrdinalIgnoreCase)).MinBy(p => p.MinPrice)!;
        await Expect(hits.First).ToHaveAttributeAsync("data-product", cheapest.ProductId.ToString());
        await hits.First.Locator(".supplier-hit-title").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(cheapest.Title);
        await Expect(page.Locator(".supplier-sku")).ToHaveCountAsync(cheapest.Skus.Count);
        Assert.True(await page.Locator(".supplier-main-image").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 800"));

        await page.Locator(".check-freight").ClickAsync();
        var standard = page.Locator(".freight-option").First;
        await Expect(standard).ToHaveAttributeAsync("data-code", "CAINIAO_STANDARD");
        await Expect(standard).ToContainTextAsync("Free");

        await page.Locator(".rule-markup input").FillAsync("50");
        await page.Locator(".rule-fixed input").FillAsync("0");
        await page.Locator(".rule-ending input").FillAsync("0.95");
        await page.Locator(".rule-ending input").BlurAsync();
        var rule = new PricingRule(50, 0, 0.95m);
        await Expect(page.Locator(".supplier-sku-price").First).ToHaveTextAsync($"{rule.PriceFor(cheapest.Skus[0].Price):0.00} USD");

        await page.Locator(".import-product").ClickAsync();
        await Expect(page.Locator(".import-done")).ToContainTextAsync($"Imported with {cheapest.Skus.Count} variants and 3 photos.");
        await page.Locator(".open-imported").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByLabel("SKU", new() { Exact = true })).ToHaveValueAsync($"AE-{cheapest.ProductId}");
        var supplierPanel = page.Locator(".product-supplier");
        await Expect(supplierPanel).ToContainTextAsync($"AliExpress product {cheapest.ProductId}");
        await Expect(supplierPanel.Locator(".supplier-rule")).ToContainTextAsync("cost + 50 %, ending in .95, re-priced when the supplier's cost changes.");
        await Expect(supplierPanel.Locator(".supplier-cost")).ToHaveCountAsync(cheapest.Skus.Count);
        await supplierPanel.Locator(".supplier-sync").ClickAsync();
        await Expect(supplierPanel.Locator(".supplier-sync-result")).ToHaveTextAsync("Nothing changed at the supplier.");
        await supplierPanel.Locator(".supplier-edit-rule").ClickAsync();
        await supplierPanel.Locator(".rule-markup input").FillAsync("200");
        await supplierPanel.Locator(".rule-markup input").BlurAsync();
        await supplierPanel.Locator(".rule-save").ClickAsync();
        await Expect(supplierPanel.Locator(".supplier-sync-result")).ToHaveTextAsync("Pricing saved; the variants are priced by it.");
        await Expect(supplierPanel.Locator(".supplier-rule")).ToContainTextAsync("cost + 200 %, ending in .95");
        await Expect(supplierPanel.Locator(".supplier-cost").First.Locator("td").Nth(2)).ToHaveTextAsync(new PricingRule(200, 0, 0.95m).PriceFor(cheapest.Skus[0].Price).ToString("0.00"));

        await page.GotoAsync("/dropshipping");
        await page.WaitForInteractiveAsync();
        await page.Locator(".supplier-feed").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Phone accessories (4)" }).ClickAsync();
        await page.Locator(".supplier-browse").ClickAsync();
        await Expect(page.Locator(".supplier-summary")).ToHaveTextAsync("Phone accessories: 4 products, for delivery to United States.");
        await Expect(page.Locator(".supplier-hit")).ToHaveCountAsync(4);
        await Expect(page.Locator($".supplier-hit[data-product='{cheapest.ProductId}'] .supplier-hit-imported")).ToHaveTextAsync("In your catalog");

        await page.Locator(".supplier-keywords input").FillAsync(cheapest.Title.Split(' ')[0]);
        await page.Locator(".supplier-search").ClickAsync();
        await Expect(page.Locator($".supplier-hit[data-product='{cheapest.ProductId}'] .supplier-hit-imported")).ToHaveTextAsync("In your catalog");
    }

    [Fact]
    public async Task A_seller_orders_an_ebay_sale_from_the_supplier_on_the_order_page_and_sees_its_tracking_sent_to_ebay()
    {
        var sale = await DropshipSales.SellAsync(app, "browser-dropship", 2);
        var (orderId, sold, book) = (sale.OrderId, sale.Sale, sale.Book);
        var emulator = app.Services.GetServices<ISandboxEmulator>().OfType<AliExpressEmulator>().Single();

        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/orders/{orderId}");
        await page.WaitForInteractiveAsync();
        var panel = page.Locator(".supplier-order");
        await Expect(panel).ToContainTextAsync("1 line is bought from AliExpress");
        await panel.Locator(".supplier-start").ClickAsync();
        await Expect(panel.Locator(".supplier-service")).ToHaveCountAsync(1);
        await Expect(panel.Locator(".supplier-service input")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^AliExpress Standard Shipping: free"));
        if (sold.ShipTo.Region.Length == 0) await panel.Locator(".address-province input").FillAsync(sold.ShipTo.City);
        await panel.Locator(".address-phone input").FillAsync("");
        await panel.Locator(".supplier-place").ClickAsync();
        await Expect(panel.Locator(".supplier-outcome")).ToContainTextAsync("Enter the buyer's phone number");
        await panel.Locator(".address-phone input").FillAsync("+1 555 0100");
        await panel.Locator(".supplier-place").ClickAsync();
        await Expect(panel.Locator(".supplier-order-state")).ToHaveTextAsync("Awaiting payment");
        var aeOrder = Assert.Single(emulator.Orders.All, o => o.OutOrderId == $"mp-{orderId:N}-1");
        await Expect(panel.Locator(".supplier-order-ids")).ToHaveTextAsync($"AliExpress order {aeOrder.OrderId}");
        await Expect(panel.Locator(".supplier-order-cost")).ToContainTextAsync("margin");

        emulator.Orders.Ship(aeOrder.OrderId);
        await panel.Locator(".supplier-check").ClickAsync();
        await Expect(panel.Locator(".supplier-order-state")).ToHaveTextAsync("Tracking sent");
        await Expect(page.Locator(".shipment-tracking")).ToHaveTextAsync(aeOrder.TrackingNumber);
        Assert.Equal(aeOrder.TrackingNumber, Assert.Single(book.Find(sold.Id)!.Shipments).TrackingNumber);
    }
}
