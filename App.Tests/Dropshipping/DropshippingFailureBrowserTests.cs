using Marketplaces.AliExpress.Sandbox;
using Marketplaces.Connections;
using Marketplaces.Dropshipping;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Products;
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
        var sale = await DropshipSales.SellAsync(app, "withdrawn", 5, sales: 2);
        var (aliExpress, supplier, placed, open) = (sale.AliExpress, sale.Supplier, sale.Orders[0].OrderId, sale.Orders[1].OrderId);
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

        await page.GotoAsync($"/products/{sale.Product.Id}");
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
