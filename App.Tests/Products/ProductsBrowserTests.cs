using System.Text.RegularExpressions;
using Marketplaces.Products;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Marketplaces.Tests.Products;

public sealed class ProductsBrowserFixture : BrowserFixture
{
    /// <summary>Off unless a test arms it: the failing database of the pages whose only backend it is.</summary>
    public FailingDatabaseWrites Writes { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<Marketplaces.Database.SqliteAppDbContext>(o => o.AddInterceptors(Writes)));
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
        this.StopScheduledSupplierWork();
    }
}

public sealed partial class ProductsBrowserTests(ProductsBrowserFixture app) : IClassFixture<ProductsBrowserFixture>, IDisposable
{
    private ProductCatalog Catalog => app.Services.GetRequiredService<ProductCatalog>();

    [Fact]
    public async Task A_seller_creates_a_product_with_two_images_and_two_variants_and_finds_it_in_the_list()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products");
        await page.WaitForInteractiveAsync();
        await page.Locator(".new-product").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("New product");

        await page.GetByLabel("Title").FillAsync("Linen apron");
        await page.GetByLabel("SKU", new() { Exact = true }).FillAsync("APRON");
        await page.GetByLabel("Price").FillAsync("24.50");
        await page.Locator(".product-description textarea").FillAsync("<p>Stonewashed <b>linen</b></p><script>alert(1)</script>");
        await Expect(page.Locator(".description-preview")).ToHaveTextAsync("Stonewashed linen");
        await page.ChooseFileAsync(
            new FilePayload { Name = "front.jpg", MimeType = "image/jpeg", Buffer = TestImages.Encode(900, 700) },
            new FilePayload { Name = "back.png", MimeType = "image/png", Buffer = TestImages.Encode(700, 900, SKEncodedImageFormat.Png, SKColors.Olive) });
        await Expect(page.Locator(".product-image")).ToHaveCountAsync(2);
        // The second becomes the main image.
        await page.Locator(".product-image[data-file='back.png'] .image-left").ClickAsync();
        await Expect(page.Locator(".product-image").First).ToHaveAttributeAsync("data-file", "back.png");

        await page.Locator(".add-option").ClickAsync();
        await page.Locator(".option-name input").FillAsync("Size");
        await page.Locator(".option-values input").FillAsync("S, M");
        await page.Locator(".option-values input").BlurAsync();
        await Expect(page.Locator(".variant-row")).ToHaveCountAsync(2);
        await Expect(page.Locator(".variant-row .variant-sku input").First).ToHaveValueAsync("APRON-S");
        await page.Locator(".variant-row[data-variant='M'] .variant-quantity input").FillAsync("6");
        await page.Locator(".variant-row[data-variant='M'] .variant-price input").FillAsync("26");

        await page.Locator(".save-product").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/products/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Linen apron");
        await Expect(page.Locator(".product-stock-sum")).ToContainTextAsync("In stock: 6");

        var id = Guid.Parse(page.Url[^36..]);
        var stored = (await Catalog.FindAsync(id))!;
        Assert.Equal("<p>Stonewashed <b>linen</b></p>", stored.Description);
        Assert.Equal(["back.png", "front.jpg"], stored.Images.Select(i => i.FileName));
        Assert.Equal([("APRON-S", 24.50m, 0), ("APRON-M", 26m, 6)], stored.Variants.Select(v => (v.Sku, v.Price, v.Quantity)));

        await page.GotoAsync("/products?q=apron");
        await page.WaitForInteractiveAsync();
        var row = page.Locator(".products-grid tbody tr").Filter(new() { HasText = "Linen apron" });
        await Expect(row.Locator(".product-sku")).ToHaveTextAsync("APRON");
        await Expect(row.Locator(".product-variants")).ToHaveTextAsync("2");
        await Expect(row.Locator(".product-quantity")).ToHaveTextAsync("6");
        await Expect(row.Locator(".product-price")).ToContainTextAsync("24.50");
        // The thumbnail is the new main image, served to the signed-in seller.
        var thumbnail = await row.Locator("img.product-thumb").GetAttributeAsync("src");
        Assert.Equal(ProductMedia.Thumbnail(stored.Images[0].Id), thumbnail);
        var response = await page.APIRequest.GetAsync(thumbnail!);
        Assert.Equal(("image/jpeg", 200), (response.Headers["content-type"], response.Status));
    }

    [Fact]
    public async Task Bad_fields_are_named_where_they_are_and_a_taken_sku_saves_nothing()
    {
        Assert.True((await Catalog.SaveAsync(new Product { Sku = "TAKEN-1", Title = "First", Currency = "EUR", Price = 5m })).Saved);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products/new");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("SKU", new() { Exact = true }).FillAsync("has space");
        await Expect(page.Locator(".product-sku-field")).ToContainTextAsync("no spaces");
        await page.GetByLabel("GTIN (UPC, EAN, ISBN)").FillAsync("4006381333932");
        await Expect(page.Locator(".product-gtin")).ToContainTextAsync("check digit");

        await page.GetByLabel("Title").FillAsync("Second");
        await page.GetByLabel("Price").FillAsync("5");
        await page.GetByLabel("GTIN (UPC, EAN, ISBN)").FillAsync("");
        await page.GetByLabel("SKU", new() { Exact = true }).FillAsync("taken-1");
        await page.Locator(".save-product").ClickAsync();
        await Expect(page.Locator(".save-errors")).ToContainTextAsync("Another product already has the SKU TAKEN-1.");
        await Expect(page.Locator(".product-sku-field")).ToContainTextAsync("Another product already has the SKU TAKEN-1.");
        await Expect(page).ToHaveURLAsync(new Regex("/products/new$"));
        Assert.Single((await Catalog.PageAsync("taken-1", 0, 25)).Rows);
    }

    [Fact]
    public async Task A_csv_with_good_and_bad_rows_imports_the_good_products_only()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products/import");
        await page.WaitForInteractiveAsync();
        await page.ChooseFileAsync(new FilePayload
        {
            Name = "catalog.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("sku,parent_sku,title,price,currency,quantity,option1_name,option1_value\n"
                                                        + "IMP-BAG,,Tote bag,18,EUR,4,,\nIMP-SOCK,,Socks,7,EUR,0,,\nIMP-SOCK-39,IMP-SOCK,,7,,2,Size,39\n"
                                                        + "IMP-SOCK-42,IMP-SOCK,,7.999,,2,Size,42\n"),
        });
        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("1 new, 0 to update, 1 with problems");
        await Expect(page.Locator(".csv-row[data-line='5'] .csv-outcome")).ToContainTextAsync("42: a price is more than 0");
        await Expect(page.Locator(".csv-row[data-line='3'] .csv-outcome")).ToHaveTextAsync("Not imported: line 5 of the same product has a problem.");
        await page.Locator(".csv-run").ClickAsync();
        await Expect(page.Locator(".csv-summary")).ToHaveTextAsync("1 imported, 1 not");
        await Expect(page.Locator(".csv-row[data-line='2']")).ToHaveAttributeAsync("data-outcome", "imported");
        Assert.Single((await Catalog.PageAsync("imp-bag", 0, 25)).Rows);
        Assert.Empty((await Catalog.PageAsync("imp-sock", 0, 25)).Rows);
    }

    [Fact]
    public async Task A_seller_publishes_a_product_with_variants_to_three_sandbox_marketplaces_sees_them_live_and_a_price_change_reaches_each()
    {
        var connections = new Dictionary<string, Guid>
        {
            ["woocommerce"] = await SandboxAccounts.ConnectAsync(app, "woocommerce", "main"),
            ["shopify"] = await SandboxAccounts.ConnectAsync(app, "shopify", "three-channels"),
            ["ebay"] = await SandboxAccounts.ConnectAsync(app, "ebay", "three-channels"),
        };
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "PUB-TEE", Title = "Linen t-shirt", Brand = "Acme", Currency = "USD", Price = 32m, Quantity = 0 };
        foreach (var (name, colour) in new[] { ("front.jpg", SKColors.Teal), ("back.jpg", SKColors.Olive) })
        {
            await using var image = new MemoryStream(TestImages.Encode(1000, 800, SKEncodedImageFormat.Jpeg, colour));
            product.Images.Add(await app.Services.GetRequiredService<ProductImages>().StoreAsync(product.Id, name, image, CancellationToken.None));
        }
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        product.Variants.ForEach(v => v.Quantity = 4);
        Assert.True((await Catalog.SaveAsync(product)).Saved);

        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/products/{product.Id}");
        await page.WaitForInteractiveAsync();
        // eBay wants to know where items ship from: the seller has no location there yet, so gives a postal code.
        var ebay = page.Locator($".channel-row[data-connection='{connections["ebay"]}']");
        await ebay.Locator(".channel-settings").ClickAsync();
        await page.Locator(".channel-setting-postalCode input").FillAsync("95125");
        await page.Locator(".save-channel-settings").ClickAsync();
        await Expect(page.Locator(".channel-settings-dialog")).ToHaveCountAsync(0);

        foreach (var connection in connections.Values)
        {
            var channel = page.Locator($".channel-row[data-connection='{connection}']");
            await Expect(channel.Locator(".listing-state")).ToHaveTextAsync("Not listed");
            await channel.Locator(".channel-choice input").CheckAsync();
        }
        // This product's own eBay category, over the connection's (blank: eBay's suggestion).
        await ebay.Locator(".product-channel-settings").ClickAsync();
        await page.Locator(".channel-setting-categoryId input").FillAsync("15687");
        await page.Locator(".channel-setting-categoryId input").PressAsync("Tab");
        // The category asks for a Size, which the product's option gives.
        await Expect(page.Locator(".channel-setting-aspect\\.Size")).ToBeVisibleAsync();
        await page.Locator(".save-channel-settings").ClickAsync();
        await Expect(ebay.Locator(".own-settings")).ToBeVisibleAsync();
        await page.Locator(".publish-selected").ClickAsync();
        var listingPages = new List<IPage>();
        foreach (var connection in connections.Values)
        {
            var channel = page.Locator($".channel-row[data-connection='{connection}']");
            await Expect(channel).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 30_000 });
            var link = await channel.Locator(".listing-link").GetAttributeAsync("href");
            var listingPage = await page.Context.NewPageAsync();
            await listingPage.GotoAsync(link!);
            await Expect(listingPage.Locator("tr[data-sku='PUB-TEE-M'] td.price")).ToHaveTextAsync(new Regex("^32(\\.00)?$"));
            listingPages.Add(listingPage);
        }

        await page.Locator(".variant-row[data-variant='M'] .variant-price input").FillAsync("29.50");
        await page.Locator(".save-product").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Saved PUB-TEE; updating its 3 listings.");
        foreach (var listingPage in listingPages)
        {
            // Each marketplace's page shows the new price once its revision job has run.
            var price = listingPage.Locator("tr[data-sku='PUB-TEE-M'] td.price");
            for (var deadline = DateTime.UtcNow.AddSeconds(30); await price.TextContentAsync() != "29.50" && DateTime.UtcNow < deadline;)
            {
                await Task.Delay(200);
                await listingPage.ReloadAsync();
            }
            await Expect(price).ToHaveTextAsync("29.50");
        }
    }

    [Fact]
    public async Task A_seller_imports_a_shops_listings_creates_the_unknown_one_and_publishes_from_the_list()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "woocommerce", "main");
        var store = app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.WooCommerce.Sandbox.WooCommerceEmulator>().Single().Site().Products;
        store.Write((all, _) =>
        {
            all.Add(new Marketplaces.WooCommerce.Sandbox.Listings.WooCommerceSandboxProduct
            {
                Id = 97_001, Name = "Beeswax candle", Sku = "BRW-CANDLE", Slug = "beeswax-candle", RegularPrice = "12", ManageStock = true, StockQuantity = 8,
                Created = DateTimeOffset.UtcNow,
            });
            return 0;
        });
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/products");
        await page.WaitForInteractiveAsync();
        await page.Locator(".import-listings-link").ClickAsync();
        await page.WaitForInteractiveAsync();
        await page.Locator(".read-listings").ClickAsync();
        var row = page.Locator(".import-row[data-sku='BRW-CANDLE']");
        await Expect(row).ToHaveAttributeAsync("data-outcome", "NotInCatalog");
        await page.Locator(".create-products").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-outcome", "Created");
        await Expect(row.Locator(".import-outcome")).ToHaveTextAsync("Created BRW-CANDLE.");

        // In the list, linked and live; another product published from the list's selection.
        Assert.True((await Catalog.SaveAsync(new Product { Sku = "BRW-MATCHES", Title = "Long matches", Currency = "USD", Price = 4m, Quantity = 20 })).Saved);
        await page.GotoAsync($"/products?connection={connection}&state=NotListed&q=brw");
        await page.WaitForInteractiveAsync();
        var matches = page.Locator(".products-grid tbody tr").Filter(new() { HasText = "Long matches" });
        await Expect(page.Locator(".products-grid tbody tr").Filter(new() { HasText = "Beeswax candle" })).ToHaveCountAsync(0);
        await matches.Locator("input[type=checkbox]").CheckAsync();
        await page.Locator(".publish-selected").ClickAsync();
        await page.Locator(".publish-channel input").First.CheckAsync();
        await page.Locator(".publish-confirm").ClickAsync();

        await page.GotoAsync($"/products?connection={connection}&state=Live&q=brw");
        await page.WaitForInteractiveAsync();
        var live = page.Locator(".products-grid tbody tr");
        for (var deadline = DateTime.UtcNow.AddSeconds(30); await live.CountAsync() < 2 && DateTime.UtcNow < deadline;) await Task.Delay(200);
        await Expect(live).ToHaveCountAsync(2);
        await Expect(live.Filter(new() { HasText = "Beeswax candle" }).Locator(".product-listing")).ToHaveTextAsync("WooCommerce · Live");
        await Expect(live.Filter(new() { HasText = "Long matches" }).Locator(".product-listing")).ToHaveTextAsync("WooCommerce · Live");
    }

    [Fact]
    public async Task A_seller_picks_a_woocommerce_category_from_the_stores_live_list_and_the_product_is_published_in_it()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "woocommerce", "main");
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "SET-SCARF", Title = "Silk scarf", Currency = "USD", Price = 45m, Quantity = 2 };
        Assert.True((await Catalog.SaveAsync(product)).Saved);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/products/{product.Id}");
        await page.WaitForInteractiveAsync();
        var channel = page.Locator($".channel-row[data-connection='{connection}']");
        await channel.Locator(".channel-settings").ClickAsync();
        await page.Locator(".channel-setting-category").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Accessories" }).ClickAsync();
        await page.Locator(".save-channel-settings").ClickAsync();
        await Expect(page.Locator(".channel-settings-dialog")).ToHaveCountAsync(0);

        await channel.Locator(".channel-choice input").CheckAsync();
        await page.Locator(".publish-selected").ClickAsync();
        await Expect(channel).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 30_000 });
        var store = app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.WooCommerce.Sandbox.WooCommerceEmulator>().Single().Site().Products;
        Assert.Equal([18L], Assert.Single(store.All, p => p.Sku == "SET-SCARF").CategoryIds);
        await app.Services.GetRequiredService<Marketplaces.Products.Listings.ListingPublishes>().SaveSettingsAsync(connection, new Dictionary<string, string>());
    }

    [Fact]
    public async Task Deleting_a_listed_product_asks_and_ends_its_listing_first()
    {
        var connection = await SandboxAccounts.ConnectAsync(app, "woocommerce", "main");
        var product = new Product { Id = Guid.CreateVersion7(), Sku = "DEL-BOWL", Title = "Olive wood bowl", Currency = "USD", Price = 40m, Quantity = 1 };
        Assert.True((await Catalog.SaveAsync(product)).Saved);
        var publishes = app.Services.GetRequiredService<Marketplaces.Products.Listings.ListingPublishes>();
        await publishes.RequestAsync(product.Id, [connection], "test");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/products/{product.Id}");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator($".channel-row[data-connection='{connection}']")).ToHaveAttributeAsync("data-state", "Live", new() { Timeout = 30_000 });

        await page.Locator(".delete-product").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("It is listed on 1 channel.");
        await page.GetByRole(AriaRole.Button, new() { Name = "End listings and delete" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/products$"));
        Assert.Null(await Catalog.FindAsync(product.Id));
        var store = app.Services.GetServices<Marketplaces.Sandbox.ISandboxEmulator>().OfType<Marketplaces.WooCommerce.Sandbox.WooCommerceEmulator>().Single().Site().Products;
        Assert.Equal("draft", Assert.Single(store.All, p => p.Sku == "DEL-BOWL").Status);
    }

    [Fact]
    public async Task Product_images_and_the_catalog_export_are_for_signed_in_users_only()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
        foreach (var path in new[] { ProductMedia.Thumbnail(Guid.CreateVersion7()), ProductExport.Path })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Unauthorized, $"{path}: {response.StatusCode}");
        }
    }
}
