using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.RateLimits;
using Marketplaces.Sandbox;
using Marketplaces.Shopify;
using Marketplaces.Shopify.Listings;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Products;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Shopify.Listings;

public sealed class ShopifyListingFixture() : PublishingFixture("shopify", "listing-shop")
{
    public ShopifySandboxShop Store =>
        Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single().Shop(Infrastructure.SandboxAccounts.ShopOf("listing-shop"));

    public List<ShopifySandboxProduct> Products(string sku)
    {
        lock (Store.Gate) return Store.Products.Where(p => p.Variants.Any(v => v.Sku.StartsWith(sku, StringComparison.Ordinal))).ToList();
    }

    public async Task<JsonElement> GraphQlAsync(string query, object variables)
    {
        var connection = (await Services.GetRequiredService<ConnectionStore>().FindAsync(Connection))!;
        var api = await Services.GetRequiredService<ConnectionApis>().OpenAsync(connection, "test", CancellationToken.None);
        return await ShopifyAdminGraphQl.QueryAsync(api, Services.GetRequiredService<RateLimiter>(), query, variables, CancellationToken.None);
    }
}

public sealed class ShopifyListingTests(ShopifyListingFixture app) : IClassFixture<ShopifyListingFixture>
{
    [Fact]
    public async Task A_simple_product_is_one_default_variant_with_its_sku_string_price_tracked_stock_at_the_location_and_its_image_as_a_file()
    {
        var product = await app.SavedAsync(await app.WithImageAsync(PublishingFixture.New("SHOP-MUG")));
        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var stored = Assert.Single(app.Products("SHOP-MUG"));
        Assert.Equal((listing.ExternalId, "ACTIVE", ShopifyListingPublisher.HandleOf("SHOP-MUG")), (stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Status, stored.Handle));
        var variant = Assert.Single(stored.Variants);
        Assert.Equal(("SHOP-MUG", "19.90", true, 5), (variant.Sku, variant.Price, variant.Tracked, variant.Quantity));
        Assert.Equal([("Title", "Default Title")], variant.OptionValues);
        Assert.StartsWith(app.ServerAddress.ToString().TrimEnd('/') + "/media/public/products/", Assert.Single(stored.Media).Source);

        using var http = new HttpClient();
        var page = await http.GetStringAsync(listing.Url);
        Assert.Contains("<td class=\"price\">19.90</td>", page);
    }

    [Fact]
    public async Task Variants_become_options_and_variants_and_a_revision_keeps_the_variants_that_stay()
    {
        var product = PublishingFixture.New("SHOP-TEE");
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        product.Variants[1].Quantity = 3;
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
        var stored = Assert.Single(app.Products("SHOP-TEE"));
        Assert.Equal("Size", Assert.Single(stored.Options).Name);
        Assert.Equal(["S", "M"], stored.Options[0].Values);
        Assert.Equal([("SHOP-TEE-S", 0), ("SHOP-TEE-M", 3)], stored.Variants.Select(v => (v.Sku, v.Quantity)));
        var medium = stored.Variants[1].Id;

        product.Options[0].Values = ["M", "L"];
        product.Variants = VariantCombinations.For(product);
        product.Variants[0].Price = 21m;
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);

        stored = Assert.Single(app.Products("SHOP-TEE"));
        Assert.Equal([("SHOP-TEE-M", "21.00", medium), ("SHOP-TEE-L", "19.90", stored.Variants[1].Id)], stored.Variants.Select(v => (v.Sku, v.Price, v.Id)));
    }

    [Fact]
    public async Task A_lost_answer_is_repaired_by_sku_and_ending_sets_the_product_to_draft()
    {
        var product = await app.SavedAsync(PublishingFixture.New("SHOP-LOST", quantity: 2));
        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
        await app.ForgetIdAsync(product.Id);
        product.Quantity = 9;
        await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
        Assert.Equal(9, Assert.Single(Assert.Single(app.Products("SHOP-LOST")).Variants).Quantity);

        Assert.Equal(ListingState.Ended, (await app.EndAsync(product.Id)).State);
        Assert.Equal("DRAFT", Assert.Single(app.Products("SHOP-LOST")).Status);
    }

    [Fact]
    public async Task The_shop_answers_refusals_as_user_errors_and_a_price_sent_as_a_number_as_a_graphql_error()
    {
        var refused = (await app.GraphQlAsync(ShopifyListingPublisher.Set, new
        {
            input = new
            {
                title = "Odd", productOptions = new[] { new { name = "Size", values = new[] { new { name = "S" } } } },
                variants = new[] { new { optionValues = new[] { new { optionName = "Size", name = "XL" } }, price = "5.00" } },
            },
        })).GetProperty("productSet");
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("product").ValueKind);
        var error = Assert.Single(refused.GetProperty("userErrors").EnumerateArray().ToList());
        Assert.Equal("Option value 'XL' does not exist for option 'Size'", error.GetProperty("message").GetString());
        Assert.Equal(["input", "variants", "0", "optionValues"], error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));

        var number = await Assert.ThrowsAsync<MarketplaceException>(() => app.GraphQlAsync(ShopifyListingPublisher.Set, new
        {
            input = new { title = "Odd", variants = new[] { new { optionValues = Array.Empty<object>(), price = 5 } } },
        }));
        Assert.Contains("Expected type 'Money'", number.Message);
    }

    [Fact]
    public async Task A_query_refused_for_its_cost_does_not_hold_back_the_shops_later_calls()
    {
        var refused = await Assert.ThrowsAsync<MarketplaceException>(() =>
            app.GraphQlAsync("query Big { products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }", new { }));
        Assert.Equal("MAX_COST_EXCEEDED", refused.ErrorCode);
        // Taken for a rate, its 60,000 points would have allowed one call in ten minutes.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 3; i++) await app.GraphQlAsync(ShopifyListingPublisher.Locations, new { });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{clock.Elapsed}");
    }

    [Fact]
    public async Task A_connection_set_to_publish_drafts_sends_products_as_drafts()
    {
        var (offered, _) = await app.Publishes.SettingsAsync(app.Connection, "test");
        Assert.Equal(["ACTIVE", "DRAFT"], offered.Single(s => s.Key == "status").Choices.Select(c => c.Value));
        await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string> { ["status"] = "DRAFT" });
        try
        {
            var product = await app.SavedAsync(PublishingFixture.New("SHOP-DRAFTED"));
            Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
            Assert.Equal("DRAFT", Assert.Single(app.Products("SHOP-DRAFTED")).Status);
        }
        finally
        {
            await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string>());
        }
    }

    [Fact]
    public async Task Importing_links_a_product_by_its_variants_sku_and_offers_an_unknown_one()
    {
        var known = await app.SavedAsync(PublishingFixture.New("SHOP-KNOWN"));
        await app.GraphQlAsync(ShopifyListingPublisher.Set, new
        {
            identifier = new { handle = "made-in-admin" },
            input = new
            {
                title = "Made in the admin", productOptions = new[] { new { name = "Colour", values = new[] { new { name = "Red" }, new { name = "Blue" } } } },
                variants = new[]
                {
                    new { optionValues = new[] { new { optionName = "Colour", name = "Red" } }, price = "8.00", sku = "SHOP-ADMIN-RED" },
                    new { optionValues = new[] { new { optionName = "Colour", name = "Blue" } }, price = "9.00", sku = "SHOP-ADMIN-BLUE" },
                },
            },
        });
        await app.GraphQlAsync(ShopifyListingPublisher.Set, new
        {
            identifier = new { handle = "known-elsewhere" },
            input = new { title = "Known", variants = new[] { new { optionValues = new[] { new { optionName = "Title", name = "Default Title" } }, price = "3.00", sku = "SHOP-KNOWN" } },
                productOptions = new[] { new { name = "Title", values = new[] { new { name = "Default Title" } } } } },
        });

        var read = await app.Imports.ReadAsync(app.Connection, "test");
        Assert.Equal(ImportOutcome.Linked, read.Single(r => r.Listing.Sku == "SHOP-KNOWN").Outcome);
        var admin = read.Single(r => r.Listing.Title == "Made in the admin");
        Assert.Equal((ImportOutcome.NotInCatalog, "SHOP-ADMIN"), (admin.Outcome, admin.Listing.Sku));
        Assert.Single(await app.Publishes.ListingsAsync(known.Id));

        var created = Assert.Single(await app.Imports.CreateAsync(app.Connection, [admin.Listing]));
        var product = (await app.Catalog.FindAsync(created.ProductId!.Value))!;
        Assert.Equal([("SHOP-ADMIN-RED", 8m), ("SHOP-ADMIN-BLUE", 9m)], product.Variants.Select(v => (v.Sku, v.Price)));
    }
}
