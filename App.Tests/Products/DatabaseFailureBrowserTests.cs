using Marketplaces.Components.Layout;
using Marketplaces.Products;
using Marketplaces.Settings;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Products;

/// <summary>
/// The pages whose only backend is the database, with that backend failing: writes refused as on a full disk. Each
/// save says so where the seller is, keeps what was typed, and works once the database does (issue 11). Part of
/// <see cref="ProductsBrowserTests"/>, whose app (with <see cref="FailingDatabaseWrites"/>) and browser it shares.
/// </summary>
public sealed partial class ProductsBrowserTests
{
    public void Dispose() => app.Writes.Disarm();

    [Fact]
    public async Task A_product_edit_the_database_refuses_keeps_the_typed_title_and_saves_once_it_can()
    {
        var catalog = app.Services.GetRequiredService<ProductCatalog>();
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "DB-JUG", Title = "Clay jug", Currency = "EUR", Price = 25m, Quantity = 2 };
        Assert.True((await catalog.SaveAsync(product)).Saved);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/products/{product.Id}");
        await page.WaitForInteractiveAsync();

        await page.GetByLabel("Title").FillAsync("Clay jug, large");
        app.Writes.Arm();
        await page.Locator(".save-product").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Not saved" })).ToContainTextAsync(SaveGuard.NotSaved);
        await Expect(page.GetByLabel("Title")).ToHaveValueAsync("Clay jug, large");
        Assert.Equal("Clay jug", (await catalog.FindAsync(product.Id))!.Title);

        app.Writes.Disarm();
        // The message sits over the page's top right, where Save is: the seller closes it first.
        await page.Locator(".mud-snackbar", new() { HasText = "Not saved" }).Locator("button").ClickAsync();
        await page.Locator(".save-product").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Saved DB-JUG" })).ToBeVisibleAsync();
        Assert.Equal("Clay jug, large", (await catalog.FindAsync(product.Id))!.Title);
    }

    [Fact]
    public async Task A_catalog_csv_the_database_refuses_says_so_per_row_and_imports_when_chosen_again()
    {
        var csv = new FilePayload
        {
            Name = "catalog.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("sku,title,price,currency,quantity\nDB-CUP,Clay cup,9,EUR,5\nDB-BOWL,Clay bowl,14,EUR,3\n"),
        };
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products/import");
        await page.WaitForInteractiveAsync();
        await page.ChooseFileAsync(csv);
        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("2 new, 0 to update, 0 with problems");

        app.Writes.Arm();
        await page.Locator(".csv-run").ClickAsync();
        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("0 imported, 2 not");
        await Expect(page.Locator(".csv-row[data-line='2'] .csv-outcome")).ToContainTextAsync("the database cannot be written just now");
        await Expect(page.Locator(".csv-row[data-line='3'] .csv-outcome")).ToContainTextAsync("Import the file again");
        Assert.Empty((await app.Services.GetRequiredService<ProductCatalog>().FindBySkuAsync(["DB-CUP", "DB-BOWL"])));

        app.Writes.Disarm();
        await page.ChooseFileAsync(csv);
        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("2 new, 0 to update, 0 with problems");
        await page.Locator(".csv-run").ClickAsync();
        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("2 imported, 0 not");
    }

    [Fact]
    public async Task A_settings_save_the_database_refuses_keeps_the_chosen_time_zone_and_saves_once_it_can()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/settings");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Shop" }).ClickAsync();
        var zone = page.Locator(".time-zone input");
        await zone.FillAsync("Europe/Lisb");
        await page.GetByRole(AriaRole.Option, new() { Name = "Europe/Lisbon", Exact = true }).ClickAsync();
        if (await page.GetByRole(AriaRole.Option).CountAsync() > 0) await zone.PressAsync("Escape");
        await Expect(zone).ToHaveValueAsync("Europe/Lisbon");

        app.Writes.Arm();
        await page.Locator(".save-time-zone").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Not saved" })).ToContainTextAsync(SaveGuard.NotSaved);
        await Expect(zone).ToHaveValueAsync("Europe/Lisbon");
        Assert.Equal("UTC", (await app.Services.GetRequiredService<ShopTimeZone>().CurrentAsync()).Id);

        app.Writes.Disarm();
        await page.Locator(".mud-snackbar", new() { HasText = "Not saved" }).Locator("button").ClickAsync();
        await page.Locator(".save-time-zone").ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Time zone saved" })).ToContainTextAsync("Europe/Lisbon");
    }
}
