using System.Net;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Products;
using Marketplaces.WooCommerce;
using Marketplaces.WooCommerce.Sandbox;
using Marketplaces.WooCommerce.Sandbox.Listings;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.WooCommerce;

public sealed class WooCommerceListingFixture() : PublishingFixture("woocommerce", "main")
{
    public WooCommerceSandboxProducts Store => Services.GetServices<ISandboxEmulator>().OfType<WooCommerceEmulator>().Single().Site().Products;
}

public sealed class WooCommerceListingTests(WooCommerceListingFixture app) : IClassFixture<WooCommerceListingFixture>
{
    private Task<Product> WithImageAsync(Product product) => app.WithImageAsync(product);

    private static Product New(string sku, decimal price = 19.90m, int quantity = 5) => PublishingFixture.New(sku, price, quantity);

    [Fact]
    public async Task A_simple_product_goes_live_with_string_prices_managed_stock_and_its_image_downloaded_by_the_store()
    {
        var product = await app.SavedAsync(await WithImageAsync(New("WOO-SIMPLE")));
        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var stored = Assert.Single(app.Store.All, p => p.Sku == "WOO-SIMPLE");
        Assert.Equal(listing.ExternalId, stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("simple", "publish", "19.90", true, 5, "0.25"), (stored.Type, stored.Status, stored.RegularPrice, stored.ManageStock, stored.StockQuantity, stored.Weight));
        var image = Assert.Single(app.Store.Write((_, media) => stored.ImageIds.Select(id => media[id]).ToList()));
        Assert.Equal(("image/jpeg", product.Images[0].Id.ToString("N")), (image.ContentType, image.Name));
        Assert.StartsWith(app.ServerAddress.ToString().TrimEnd('/') + "/media/public/products/", image.SourceUrl);

        using var http = new HttpClient();
        var page = await http.GetStringAsync(listing.Url);
        Assert.Contains("<p class=\"price\">19.90</p>", page);
    }

    [Fact]
    public async Task A_product_with_variants_becomes_a_variable_product_and_an_edit_updates_adds_and_removes_variations()
    {
        var product = New("WOO-TEE");
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        product.Variants[1].Quantity = 3;
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);

        var stored = Assert.Single(app.Store.All, p => p.Sku == "WOO-TEE");
        Assert.Equal("variable", stored.Type);
        Assert.Equal(("Size", true), (stored.Attributes[0].Name, stored.Attributes[0].Variation));
        Assert.Equal(["S", "M"], stored.Attributes[0].Options);
        Assert.Equal([("WOO-TEE-S", "19.90", 0), ("WOO-TEE-M", "19.90", 3)], stored.Variations.Select(v => (v.Sku, v.RegularPrice, v.StockQuantity ?? -1)));
        var medium = stored.Variations[1].Id;

        product.Options[0].Values = ["M", "L"];
        product.Variants = VariantCombinations.For(product);
        product.Variants[0].Price = 21m;
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);

        stored = Assert.Single(app.Store.All, p => p.Sku == "WOO-TEE");
        Assert.Equal([("WOO-TEE-M", "21", medium), ("WOO-TEE-L", "19.90", stored.Variations[1].Id)], stored.Variations.Select(v => (v.Sku, v.RegularPrice, v.Id)));
        Assert.Equal(["M", "L"], stored.Attributes[0].Options);
    }

    [Fact]
    public async Task Many_products_published_in_one_request_each_get_their_own_listing_and_product_at_the_store()
    {
        var products = new List<Product>();
        for (var i = 0; i < 3; i++) products.Add(await app.SavedAsync(New($"WOO-MANY-{i}")));
        await app.Publishes.RequestAsync(products.Select(p => p.Id).ToList(), [app.Connection], "test");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (await Task.WhenAll(products.Select(p => app.Publishes.ListingsAsync(p.Id)))).Any(l => l.Single().State == ListingState.Publishing))
            await Task.Delay(100);
        foreach (var product in products) Assert.Equal(ListingState.Live, (await app.Publishes.ListingsAsync(product.Id)).Single().State);
        Assert.Equal(["WOO-MANY-0", "WOO-MANY-1", "WOO-MANY-2"], app.Store.All.Where(p => p.Sku.StartsWith("WOO-MANY-", StringComparison.Ordinal)).Select(p => p.Sku).Order());
    }

    [Fact]
    public async Task A_publish_whose_answer_was_lost_finds_the_product_by_sku_and_updates_it_instead_of_creating_a_second()
    {
        var product = await app.SavedAsync(New("WOO-LOST", quantity: 2));
        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
        // As if the first answer never arrived: the listing does not know its WooCommerce id.
        await using (var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Marketplaces.Database.AppDbContext>>().CreateDbContextAsync())
        {
            var listing = db.Set<Listing>().Single(l => l.ProductId == product.Id);
            listing.ExternalId = null;
            await db.SaveChangesAsync();
        }
        product.Quantity = 7;
        await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
        var stored = Assert.Single(app.Store.All, p => p.Sku == "WOO-LOST");
        Assert.Equal(7, stored.StockQuantity);
    }

    [Fact]
    public async Task A_refusal_is_shown_on_the_listing_in_woocommerces_words_and_the_product_is_kept()
    {
        // Another product at the store, made there by hand, already sells the SKU one of the variants has.
        app.Store.Write((all, _) =>
        {
            var byHand = new WooCommerceSandboxProduct { Id = 99_001, Name = "By hand", Sku = "HAND", Type = "variable", Slug = "by-hand", Created = DateTimeOffset.UtcNow };
            byHand.Variations.Add(new WooCommerceSandboxVariation { Id = 99_002, Sku = "WOO-CLASH-RED" });
            all.Add(byHand);
            return 0;
        });
        var product = New("WOO-CLASH");
        product.Options = [new ProductOption { Name = "Colour", Values = ["Red", "Blue"] }];
        product.Variants = VariantCombinations.For(product);
        product = await app.SavedAsync(product);
        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.NeedsAttention, listing.State);
        Assert.Equal("WooCommerce refused variations: product_invalid_sku (Invalid or duplicated SKU.)", listing.Message);
        Assert.NotNull(await app.Catalog.FindAsync(product.Id));
    }

    [Fact]
    public async Task Ending_puts_the_product_back_to_draft_and_the_list_filters_by_channel_and_listing_state()
    {
        var kept = await app.SavedAsync(New("WOO-KEEP"));
        var ended = await app.SavedAsync(New("WOO-END"));
        Assert.Equal(ListingState.Live, (await app.PublishAsync(kept.Id)).State);
        var listing = await app.PublishAsync(ended.Id);
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(listing.Url)).StatusCode);

        listing = await app.EndAsync(ended.Id);
        Assert.Equal(ListingState.Ended, listing.State);
        Assert.Equal("draft", Assert.Single(app.Store.All, p => p.Sku == "WOO-END").Status);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(listing.Url)).StatusCode);

        async Task<List<string>> Skus(ProductListFilter filter) =>
            (await app.Catalog.PageAsync(filter with { Search = "woo-" }, 0, 100)).Rows.Select(r => r.Sku).Where(s => s is "WOO-KEEP" or "WOO-END").Order().ToList();
        Assert.Equal(["WOO-KEEP"], await Skus(new ProductListFilter(null, app.Connection, ListingState.Live)));
        Assert.Equal(["WOO-END"], await Skus(new ProductListFilter(null, app.Connection, ListingState.Ended)));
        Assert.Equal(["WOO-END"], await Skus(new ProductListFilter(null, app.Connection, NotListed: true)));
        Assert.Equal(["WOO-END", "WOO-KEEP"], await Skus(new ProductListFilter(null, app.Connection)));
        var row = (await app.Catalog.PageAsync("WOO-KEEP", 0, 5)).Rows.Single(r => r.Sku == "WOO-KEEP");
        Assert.Equal([new ProductRowListing(app.Connection, "woocommerce", ListingState.Live)], row.Listings);
    }

    [Fact]
    public async Task Importing_links_listings_by_sku_creates_the_unknown_ones_on_request_and_leaves_those_without_a_sku()
    {
        var known = await app.SavedAsync(New("IMP-KNOWN"));
        app.Store.Write((all, _) =>
        {
            var now = DateTimeOffset.UtcNow;
            all.Add(new WooCommerceSandboxProduct { Id = 98_001, Name = "Known mug", Sku = "IMP-KNOWN", Slug = "known-mug", RegularPrice = "9", Created = now });
            var scarf = new WooCommerceSandboxProduct
            {
                Id = 98_002, Name = "Wool scarf", Sku = "IMP-SCARF", Slug = "wool-scarf", Type = "variable", Created = now,
                Attributes = [("Colour", true, true, ["Grey", "Red"])],
            };
            scarf.Variations.Add(new WooCommerceSandboxVariation { Id = 98_003, Sku = "IMP-SCARF-GREY", RegularPrice = "25", ManageStock = true, StockQuantity = 4, Attributes = [("Colour", "Grey")] });
            scarf.Variations.Add(new WooCommerceSandboxVariation { Id = 98_004, Sku = "IMP-SCARF-RED", RegularPrice = "27.5", ManageStock = true, StockQuantity = 1, Attributes = [("Colour", "Red")] });
            all.Add(scarf);
            all.Add(new WooCommerceSandboxProduct { Id = 98_005, Name = "Mystery box", Sku = "", Slug = "mystery-box", RegularPrice = "5", Created = now });
            return 0;
        });
        var imports = app.Services.GetRequiredService<ListingImports>();
        var read = (await imports.ReadAsync(app.Connection, "test")).Where(r => r.Listing.ExternalId is "98001" or "98002" or "98005").ToList();

        Assert.Equal([ImportOutcome.Linked, ImportOutcome.NotInCatalog, ImportOutcome.NoSku], read.Select(r => r.Outcome));
        var linked = (await app.Publishes.ListingsAsync(known.Id)).Single();
        Assert.Equal(("98001", ListingState.Live), (linked.ExternalId, linked.State));
        Assert.EndsWith("/product/known-mug/", linked.Url);

        var created = Assert.Single(await imports.CreateAsync(app.Connection, [read[1].Listing]));
        Assert.Equal(ImportOutcome.Created, created.Outcome);
        var scarf = (await app.Catalog.FindAsync(created.ProductId!.Value))!;
        Assert.Equal(("IMP-SCARF", "Wool scarf", "Colour"), (scarf.Sku, scarf.Title, scarf.Options.Single().Name));
        Assert.Equal([("IMP-SCARF-GREY", 25m, 4), ("IMP-SCARF-RED", 27.5m, 1)], scarf.Variants.Select(v => (v.Sku, v.Price, v.Quantity)));
        Assert.Equal("98002", (await app.Publishes.ListingsAsync(scarf.Id)).Single().ExternalId);
        Assert.Empty((await app.Catalog.PageAsync("mystery", 0, 5)).Rows);
    }

    [Fact]
    public async Task Channel_settings_offer_the_stores_categories_and_products_go_out_in_the_chosen_category_and_status()
    {
        var (offered, chosen) = await app.Publishes.SettingsAsync(app.Connection, "test");
        var categories = offered.Single(s => s.Key == "category");
        Assert.Equal(["The store's default", "Uncategorized", "Clothing", "Home & Kitchen", "Accessories"], categories.Choices.Select(c => c.Label));
        Assert.Empty(chosen);
        await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string> { ["category"] = "16", ["status"] = "draft" });
        try
        {
            var product = await app.SavedAsync(New("WOO-APRON"));
            Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
            var stored = Assert.Single(app.Store.All, p => p.Sku == "WOO-APRON");
            Assert.Equal([16L], stored.CategoryIds);
            Assert.Equal("draft", stored.Status);
            Assert.Equal("16", (await app.Publishes.SettingsAsync(app.Connection, "test")).Chosen["category"]);
        }
        finally
        {
            await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string>());
        }
    }

    [Fact]
    public async Task The_store_refuses_what_woocommerce_refuses_a_price_as_a_number_and_an_image_it_cannot_fetch()
    {
        var connection = (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(app.Connection))!;
        var api = await app.Services.GetRequiredService<ConnectionApis>().OpenAsync(connection, "test", CancellationToken.None);
        var rest = new WooCommerceRest(TimeProvider.System);
        var url = $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/products";

        using var number = await rest.SendAsync(api, HttpMethod.Post, url, new { name = "Mug", regular_price = 19.99 }, CancellationToken.None);
        Assert.Equal(HttpStatusCode.BadRequest, number.StatusCode);
        using var numberError = JsonDocument.Parse(await number.Content.ReadAsStringAsync());
        Assert.Equal("rest_invalid_param", numberError.RootElement.GetProperty("code").GetString());
        Assert.Equal("regular_price is not of type string.", numberError.RootElement.GetProperty("data").GetProperty("params").GetProperty("regular_price").GetString());

        var missing = new Uri(app.ServerAddress, "/media/public/products/nothing/x.jpg").ToString();
        using var image = await rest.SendAsync(api, HttpMethod.Post, url, new { name = "Mug", images = new[] { new { src = missing } } }, CancellationToken.None);
        using var imageError = JsonDocument.Parse(await image.Content.ReadAsStringAsync());
        Assert.Equal(("woocommerce_product_image_upload_error", $"Error getting remote image {missing}. Error: 404 Not Found"),
            (imageError.RootElement.GetProperty("code").GetString(), imageError.RootElement.GetProperty("message").GetString()));
        Assert.DoesNotContain(app.Store.All, p => p.Name == "Mug");
    }
}
