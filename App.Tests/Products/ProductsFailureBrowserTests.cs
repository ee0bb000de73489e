using Marketplaces.Products;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Products;

/// <summary>
/// The product pages with a failing backend: the marketplace refuses the connection's tokens (the seller withdrew
/// the app's grant there). Each page says so in words, keeps what the seller made, and keeps working (issue 11).
/// Part of <see cref="ProductsBrowserTests"/>, whose app and browser it shares.
/// </summary>
public sealed partial class ProductsBrowserTests
{
    [Fact]
    public async Task Publishing_from_the_list_to_a_shop_that_withdrew_the_grant_says_so_in_the_list_and_on_the_product_which_stays_editable()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "shopify", "publish-withdrawn");
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "WD-MUG", Title = "Stoneware mug", Currency = "USD", Price = 18m, Quantity = 3 };
        var catalog = app.Services.GetRequiredService<ProductCatalog>();
        Assert.True((await catalog.SaveAsync(product)).Saved);

        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products?q=WD-MUG");
        await page.WaitForInteractiveAsync();
        var row = page.Locator(".products-grid tbody tr").Filter(new() { HasText = "Stoneware mug" });
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.Locator(".publish-selected").ClickAsync();
        var shop = (await app.Services.GetRequiredService<Marketplaces.Connections.ConnectionStore>().FindAsync(connection))!.DisplayName;
        await page.Locator(".publish-channel", new() { HasText = $"Shopify · {shop}" }).Locator("input").CheckAsync();
        await WithdrawnGrants.WithdrawAsync(app, "shopify", connection);
        await page.Locator(".publish-confirm").ClickAsync();

        var listing = row.Locator(".product-listing");
        for (var deadline = DateTime.UtcNow.AddSeconds(30); await listing.CountAsync() == 0 || await listing.GetAttributeAsync("data-state") != "NeedsAttention";)
        {
            if (DateTime.UtcNow > deadline) break;
            await Task.Delay(200);
            await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
        }
        await Expect(listing).ToHaveTextAsync("Shopify · Needs attention");

        await row.Locator(".product-link").ClickAsync();
        await page.WaitForInteractiveAsync();
        var channel = page.Locator($".channel-row[data-connection='{connection}']");
        await Expect(channel).ToHaveAttributeAsync("data-state", "NeedsAttention");
        await Expect(channel.Locator(".listing-message")).ToContainTextAsync("Shopify no longer accepts this authorization");
        await Expect(channel.Locator(".reconnect-channel")).ToContainTextAsync("again on the dashboard");
        await Expect(channel.Locator(".channel-choice input")).ToBeDisabledAsync();
        await page.GetByLabel("Title").FillAsync("Stoneware mug, blue");
        await page.Locator(".save-product").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved WD-MUG");
        Assert.Equal("Stoneware mug, blue", (await catalog.FindAsync(product.Id))!.Title);
    }

    [Fact]
    public async Task Reading_the_listings_of_a_connection_whose_grant_eBay_withdrew_says_so_and_the_page_keeps_working()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "ebay", "revoked-lister");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products/import-listings");
        await page.WaitForInteractiveAsync();
        await page.Locator(".import-connection").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("revoked-lister") }).ClickAsync();

        // Withdrawn once chosen: a page opened after eBay refused the connection lists it as needing to connect again.
        await WithdrawnGrants.WithdrawAsync(app, "ebay", connection);
        await page.Locator(".read-listings").ClickAsync();

        await Expect(page.Locator(".import-error")).ToBeVisibleAsync();
        await Expect(page.Locator(".import-error")).ToContainTextAsync("eBay no longer accepts this authorization");
        await Expect(page.Locator(".read-listings")).ToBeEnabledAsync();
        await page.Locator(".read-listings").ClickAsync();
        await Expect(page.Locator(".import-error")).ToBeVisibleAsync();
    }
}
