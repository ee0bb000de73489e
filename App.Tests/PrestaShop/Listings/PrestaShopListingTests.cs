using System.Globalization;
using Marketplaces.PrestaShop.Sandbox;
using Marketplaces.PrestaShop.Sandbox.Catalog;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.PrestaShop.Listings;

public sealed class PrestaShopListingFixture() : PublishingFixture("prestashop", "main")
{
    public PrestaShopSandboxCatalog Shop => Services.GetServices<ISandboxEmulator>().OfType<PrestaShopEmulator>().Single().Catalog;

    public List<PrestaShopEntity> Products(string reference)
    {
        lock (Shop.Gate) return Shop.Table("products").Values.Where(p => p["reference"] == reference).ToList();
    }

    public List<PrestaShopEntity> Combinations(int productId)
    {
        lock (Shop.Gate) return Shop.Table("combinations").Values.Where(c => c["id_product"] == productId.ToString(CultureInfo.InvariantCulture)).OrderBy(c => c.Id).ToList();
    }

    public string Stock(int productId, int combination = 0)
    {
        lock (Shop.Gate)
            return Shop.Table("stock_availables").Values.Single(s => s["id_product"] == productId.ToString(CultureInfo.InvariantCulture)
                                                                    && s["id_product_attribute"] == combination.ToString(CultureInfo.InvariantCulture))["quantity"];
    }

    /// <summary>The sandbox shop's prices are in euros.</summary>
    public static Product Euro(string sku, decimal price = 19.90m, int quantity = 5)
    {
        var product = New(sku, price, quantity);
        product.Currency = "EUR";
        return product;
    }
}

public sealed class PrestaShopListingTests(PrestaShopListingFixture app) : IClassFixture<PrestaShopListingFixture>
{
    [Fact]
    public async Task A_simple_product_is_an_active_product_in_every_language_with_its_stock_and_image_and_a_page()
    {
        var product = PrestaShopListingFixture.Euro("PS-MUG");
        (product.Title, product.Description) = ("Stoneware mug", "<p>Hand thrown</p>");
        product = await app.SavedAsync(await app.WithImageAsync(product));

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var stored = Assert.Single(app.Products("PS-MUG"));
        Assert.Equal((listing.ExternalId, "1", "1", "19.900000"), (stored.Id.ToString(CultureInfo.InvariantCulture), stored["active"], stored["state"], stored["price"]));
        Assert.Equal(new Dictionary<int, string> { [1] = "Stoneware mug", [2] = "Stoneware mug" }, stored.Translations["name"]);
        Assert.Equal("stoneware-mug", stored.Translations["link_rewrite"][1]);
        Assert.Equal("5", app.Stock(stored.Id));
        lock (app.Shop.Gate) Assert.Single(app.Shop.Images[stored.Id]);

        using var http = new HttpClient();
        Assert.Contains("<td class=\"price\">19.90</td><td class=\"quantity\">5</td>", await http.GetStringAsync(listing.Url));

        product.Price = 22m;
        product.Quantity = 7;
        await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);
        Assert.Contains("<td class=\"price\">22.00</td><td class=\"quantity\">7</td>", await http.GetStringAsync(listing.Url));
        lock (app.Shop.Gate) Assert.Single(app.Shop.Images[stored.Id]);

        Assert.Equal(ListingState.Ended, (await app.EndAsync(product.Id)).State);
        Assert.Equal("0", Assert.Single(app.Products("PS-MUG"))["active"]);
        Assert.Contains("This product is no longer available.", await http.GetStringAsync(listing.Url));
    }

    [Fact]
    public async Task Variants_are_combinations_on_attribute_values_made_as_needed_with_their_own_stock_and_price_impact()
    {
        var product = PrestaShopListingFixture.Euro("PS-TEE");
        product.Title = "Cotton t-shirt";
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        product.Variants[1].Price = 24m;
        product.Variants[1].Quantity = 3;
        product = await app.SavedAsync(await app.WithImageAsync(product));

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var stored = Assert.Single(app.Products("PS-TEE"));
        var combinations = app.Combinations(stored.Id);
        Assert.Equal([("PS-TEE-S", "0.000000"), ("PS-TEE-M", "4.100000")], combinations.Select(c => (c["reference"], c["price"])));
        Assert.Equal(("0", "3", "3"), (app.Stock(stored.Id, combinations[0].Id), app.Stock(stored.Id, combinations[1].Id), app.Stock(stored.Id)));

        product.Options[0].Values = ["M", "L"];
        product.Variants = VariantCombinations.For(product);
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);
        Assert.Equal(["PS-TEE-M", "PS-TEE-L"], app.Combinations(stored.Id).Select(c => c["reference"]));
        using var http = new HttpClient();
        Assert.Contains("<tr data-sku=\"PS-TEE-L\"><td class=\"price\">19.90</td>", await http.GetStringAsync(listing.Url));

        var read = await app.Imports.ReadAsync(app.Connection, "test");
        var imported = read.Single(r => r.Listing.Sku == "PS-TEE");
        Assert.Equal(ImportOutcome.Linked, imported.Outcome);
        Assert.Equal([("PS-TEE-M", "M"), ("PS-TEE-L", "L")], imported.Listing.Variants.Select(v => (v.Sku!, v.OptionValues[0])));
    }

    [Fact]
    public async Task A_lost_answer_is_repaired_by_reference_and_a_product_in_another_currency_is_refused()
    {
        var product = await app.SavedAsync(await app.WithImageAsync(PrestaShopListingFixture.Euro("PS-LOST", quantity: 2)));
        var first = await app.PublishAsync(product.Id);
        await app.ForgetIdAsync(product.Id);
        Assert.Equal((ListingState.Live, first.ExternalId), ((await app.PublishAsync(product.Id)).State, (await app.Publishes.ListingsAsync(product.Id)).Single().ExternalId));
        Assert.Single(app.Products("PS-LOST"));

        var dollars = await app.SavedAsync(PublishingFixture.New("PS-USD"));
        var refused = await app.PublishAsync(dollars.Id);
        Assert.Equal(ListingState.NeedsAttention, refused.State);
        Assert.Contains("prices are in EUR", refused.Message);
    }

    [Fact]
    public async Task The_settings_offer_the_shops_categories_tax_rules_and_languages_and_a_chosen_category_is_used()
    {
        var (offered, _) = await app.Publishes.SettingsAsync(app.Connection, "test");
        Assert.Contains(offered.Single(s => s.Key == "id_category_default").Choices, c => c is { Value: "8", Label: "Home Accessories" });
        Assert.Contains(offered.Single(s => s.Key == "id_tax_rules_group").Choices, c => c.Label == "FR Taux réduit (10%)");
        Assert.Contains(offered.Single(s => s.Key == "language").Choices, c => c.Label == "Français (French)");

        await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string> { ["id_category_default"] = "8", ["language"] = "2" });
        try
        {
            var product = await app.SavedAsync(await app.WithImageAsync(PrestaShopListingFixture.Euro("PS-VASE")));
            Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
            var stored = Assert.Single(app.Products("PS-VASE"));
            Assert.Equal("8", stored["id_category_default"]);
            Assert.Equal([1, 2], stored.Translations["name"].Keys.Order());
        }
        finally
        {
            await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string>());
        }
    }
}
