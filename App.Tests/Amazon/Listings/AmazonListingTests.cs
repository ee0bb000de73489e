using Marketplaces.Amazon.Sandbox.Listings;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon.Listings;

public sealed class AmazonListingFixture() : PublishingFixture("amazon", Seller)
{
    public const string Seller = "listing-amazon";

    internal AmazonSandboxSellerListings Listings => Services.GetServices<ISandboxEmulator>().OfType<AmazonListingsEmulator>().Single().Seller(Seller);

    internal List<AmazonSandboxItem> Items(string skuPrefix)
    {
        lock (Listings.Gate) return Listings.Items.Values.Where(i => i.Sku.StartsWith(skuPrefix, StringComparison.Ordinal) && (i.Current ?? i.Pending) is not null).ToList();
    }

    public async Task WithSettingsAsync(Dictionary<string, string> settings, Func<Task> act)
    {
        await Publishes.SaveSettingsAsync(Connection, settings);
        try
        {
            await act();
        }
        finally
        {
            await Publishes.SaveSettingsAsync(Connection, new Dictionary<string, string>());
        }
    }
}

public sealed class AmazonListingTests(AmazonListingFixture app) : IClassFixture<AmazonListingFixture>
{
    [Fact]
    public async Task A_type_requiring_an_attribute_the_catalog_lacks_is_refused_with_amazons_issue_until_the_seller_gives_it_in_the_settings()
    {
        var product = await app.SavedWithPhotoAsync("AMZ-MUG", "Stoneware mug");

        var refused = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.NeedsAttention, refused.State);
        Assert.Contains("'material' is required but not supplied. (90220)", refused.Message);
        Assert.NotNull(await app.Catalog.FindAsync(product.Id));

        var (offered, _) = await app.Publishes.SettingsAsync(app.Connection, "test",
            choosing: new Dictionary<string, string> { ["productType"] = "DRINKING_CUP" });
        Assert.True(offered.Single(s => s.Key == "attribute.material").Typed);

        await app.WithSettingsAsync(new Dictionary<string, string> { ["productType"] = "DRINKING_CUP", ["attribute.material"] = "Stoneware" }, async () =>
        {
            var listing = await app.PublishAsync(product.Id);
            Assert.Equal(ListingState.Live, listing.State);
            var item = Assert.Single(app.Items("AMZ-MUG"));
            Assert.Equal((listing.ExternalId, "DRINKING_CUP"), (item.Asin, item.Current!.ProductType));
            Assert.Equal("Stoneware", item.Current.Attributes["material"]![0]!["value"]!.GetValue<string>());
            Assert.Equal(19.90m, item.Current.Attributes["purchasable_offer"]![0]!["our_price"]![0]!["schedule"]![0]!["value_with_tax"]!.GetValue<decimal>());

            using var http = new HttpClient();
            Assert.Contains("<td class=\"price\">19.90</td>", await http.GetStringAsync(listing.Url));
            product.Price = 17.5m;
            await app.SavedAsync(product);
            Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);
            Assert.Contains("<td class=\"price\">17.50</td>", await http.GetStringAsync(listing.Url));

            Assert.Equal(ListingState.Ended, (await app.EndAsync(product.Id)).State);
            Assert.Empty(app.Items("AMZ-MUG"));
        });
    }

    [Fact]
    public async Task Variants_are_a_parent_and_children_varying_by_the_option_and_a_revision_deletes_the_child_that_went()
    {
        var product = PublishingFixture.New("AMZ-APRON");
        product.Title = "Linen apron";
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        product = await app.SavedAsync(await app.WithImageAsync(product));

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var items = app.Items("AMZ-APRON");
        Assert.Equal(["AMZ-APRON", "AMZ-APRON-M", "AMZ-APRON-S"], items.Select(i => i.Sku).Order());
        var parent = items.Single(i => i.Sku == "AMZ-APRON").Current!;
        Assert.Equal(("HOME", "SIZE"), (parent.ProductType, parent.Attributes["variation_theme"]![0]!["name"]!.GetValue<string>()));
        var small = items.Single(i => i.Sku == "AMZ-APRON-S").Current!;
        Assert.Equal(("S", "AMZ-APRON"), (small.Attributes["size"]![0]!["value"]!.GetValue<string>(),
            small.Attributes["child_parent_sku_relationship"]![0]!["parent_sku"]!.GetValue<string>()));

        product.Options[0].Values = ["M", "L"];
        product.Variants = VariantCombinations.For(product);
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);
        Assert.Equal(["AMZ-APRON", "AMZ-APRON-L", "AMZ-APRON-M"], app.Items("AMZ-APRON").Select(i => i.Sku).Order());

        var read = await app.Imports.ReadAsync(app.Connection, "test");
        var imported = read.Single(r => r.Listing.Sku == "AMZ-APRON");
        Assert.Equal(ImportOutcome.Linked, imported.Outcome);
        Assert.Equal(["AMZ-APRON-L", "AMZ-APRON-M"], imported.Listing.Variants.Select(v => v.Sku!).Order());
        Assert.Equal("Size", Assert.Single(imported.Listing.Options).Name);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_replaces_the_item_by_its_sku()
    {
        var product = await app.SavedWithPhotoAsync("AMZ-LOST", "Canvas tote bag");
        var first = await app.PublishAsync(product.Id);
        Assert.Equal(ListingState.Live, first.State);
        await app.ForgetIdAsync(product.Id);
        product.Quantity = 9;
        await app.SavedAsync(product);

        var again = await app.PublishAsync(product.Id);

        Assert.Equal((ListingState.Live, first.ExternalId), (again.State, again.ExternalId));
        Assert.Equal(9, Assert.Single(app.Items("AMZ-LOST")).Current!.Attributes["fulfillment_availability"]![0]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_product_type_is_refused_with_amazons_answer()
    {
        var product = await app.SavedAsync(await app.WithImageAsync(PublishingFixture.New("AMZ-ODD")));
        await app.WithSettingsAsync(new Dictionary<string, string> { ["productType"] = "WIDGET" }, async () =>
        {
            var listing = await app.PublishAsync(product.Id);
            Assert.Equal(ListingState.NeedsAttention, listing.State);
            Assert.Contains("Product type WIDGET was not found", listing.Message);
        });
        Assert.Empty(app.Items("AMZ-ODD"));
    }
}
