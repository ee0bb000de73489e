using Marketplaces.Etsy.Sandbox;
using Marketplaces.Etsy.Sandbox.Listings;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Etsy.Listings;

public sealed class EtsyListingFixture() : PublishingFixture("etsy", Seller)
{
    public const string Seller = "listing-etsy";

    internal EtsySandboxShopListings Shop => Services.GetServices<ISandboxEmulator>().OfType<EtsyEmulator>().Single().Listings(Seller);

    internal List<EtsySandboxListing> Listings(string sku)
    {
        lock (Shop.Gate) return Shop.Listings.Values.Where(l => l.Products.Any(p => p.Sku.StartsWith(sku, StringComparison.Ordinal))).ToList();
    }
}

public sealed class EtsyListingTests(EtsyListingFixture app) : IClassFixture<EtsyListingFixture>
{
    [Fact]
    public async Task A_simple_product_is_a_listing_in_the_matched_category_with_its_photo_inventory_and_text_description_and_goes_active()
    {
        var product = PublishingFixture.New("ETSY-MUG");
        (product.Title, product.Description) = ("Stoneware mug", "<p>Hand <b>thrown</b></p><ul><li>Dishwasher safe</li></ul>");
        product = await app.SavedAsync(await app.WithImageAsync(product));

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var stored = Assert.Single(app.Listings("ETSY-MUG"));
        Assert.Equal((listing.ExternalId, "active", 1070L, "i_did", "made_to_order"),
            (stored.ListingId.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.State, stored.TaxonomyId, stored.WhoMade, stored.WhenMade));
        Assert.Equal("Hand thrown\n• Dishwasher safe", stored.Description);
        var image = Assert.Single(stored.Images);
        Assert.Equal((800, 800), (image.Width, image.Height));
        var offering = Assert.Single(Assert.Single(stored.Products).Offerings);
        Assert.Equal((19.90m, 5, app.Shop.ReadinessStateId), (offering.Price, offering.Quantity, offering.ReadinessStateId));

        using var http = new HttpClient();
        Assert.Contains("<td class=\"price\">19.90</td>", await http.GetStringAsync(listing.Url));

        product.Price = 22m;
        await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);
        Assert.Contains("<td class=\"price\">22.00</td>", await http.GetStringAsync(listing.Url));
        // The photo did not change: it is not uploaded again.
        Assert.Equal(image.Id, Assert.Single(Assert.Single(app.Listings("ETSY-MUG")).Images).Id);

        Assert.Equal(ListingState.Ended, (await app.EndAsync(product.Id)).State);
        Assert.Equal("inactive", Assert.Single(app.Listings("ETSY-MUG")).State);
        Assert.Contains("Sorry, this item is unavailable.", await http.GetStringAsync(listing.Url));
    }

    [Fact]
    public async Task Variants_are_products_on_etsys_custom_properties_and_a_revision_replaces_the_inventory()
    {
        var product = PublishingFixture.New("ETSY-TEE");
        product.Title = "Cotton t-shirt";
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        product.Variants[1].Quantity = 3;
        product = await app.SavedAsync(await app.WithImageAsync(product));

        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
        var stored = Assert.Single(app.Listings("ETSY-TEE"));
        Assert.Equal(482L, stored.TaxonomyId);
        Assert.Equal([("ETSY-TEE-S", "S", 0), ("ETSY-TEE-M", "M", 3)],
            stored.Products.Select(p => (p.Sku, Assert.Single(Assert.Single(p.PropertyValues).Values), p.Offerings[0].Quantity)));
        Assert.Equal([513L], stored.PriceOnProperty);

        product.Options[0].Values = ["M", "L"];
        product.Variants = VariantCombinations.For(product);
        product.Variants[0].Price = 21m;
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);
        Assert.Equal([("ETSY-TEE-M", 21m), ("ETSY-TEE-L", 19.90m)], Assert.Single(app.Listings("ETSY-TEE")).Products.Select(p => (p.Sku, p.Offerings[0].Price)));

        var read = await app.Imports.ReadAsync(app.Connection, "test");
        var listed = read.Single(r => r.Listing.Title == "Cotton t-shirt");
        Assert.Equal((ImportOutcome.Linked, "ETSY-TEE"), (listed.Outcome, listed.Listing.Sku));
    }

    [Fact]
    public async Task Activation_without_a_photo_is_refused_and_the_publish_after_adding_one_uses_the_same_draft()
    {
        var product = await app.SavedAsync(PublishingFixture.New("ETSY-BAG") is var bag && (bag.Title = "Canvas tote bag") is not null ? bag : bag);

        var refused = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.NeedsAttention, refused.State);
        Assert.Contains("A listing needs at least one image before it can be activated.", refused.Message);
        Assert.Equal("draft", Assert.Single(app.Listings("ETSY-BAG")).State);

        product = await app.SavedAsync(await app.WithImageAsync(product));
        Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
        var stored = Assert.Single(app.Listings("ETSY-BAG"));
        Assert.Equal(("active", 171L), (stored.State, stored.TaxonomyId));
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_finds_the_listing_by_sku_among_the_newest()
    {
        var product = await app.SavedWithPhotoAsync("ETSY-LOST", "Art print");
        var first = await app.PublishAsync(product.Id);
        Assert.Equal(ListingState.Live, first.State);
        await app.ForgetIdAsync(product.Id);
        product.Quantity = 9;
        await app.SavedAsync(product);

        var again = await app.PublishAsync(product.Id);

        Assert.Equal((ListingState.Live, first.ExternalId), (again.State, again.ExternalId));
        Assert.Equal(9, Assert.Single(app.Listings("ETSY-LOST")).Quantity);
    }

    [Fact]
    public async Task A_title_matching_no_category_asks_for_one_and_the_settings_offer_the_shops_profiles_and_the_taxonomy()
    {
        var product = await app.SavedAsync(await app.WithImageAsync(PublishingFixture.New("ETSY-ODD")));
        var listing = await app.PublishAsync(product.Id);
        Assert.Equal(ListingState.NeedsAttention, listing.State);
        Assert.Contains("No Etsy category matches", listing.Message);
        Assert.Empty(app.Listings("ETSY-ODD"));

        var (offered, _) = await app.Publishes.SettingsAsync(app.Connection, "test");
        Assert.Equal("Standard shipping", Assert.Single(offered.Single(s => s.Key == "shipping_profile_id").Choices).Label);
        Assert.Equal("Ready to ship in 1–3 days", Assert.Single(offered.Single(s => s.Key == "readiness_state_id").Choices).Label);
        Assert.Contains(offered.Single(s => s.Key == "taxonomy_id").Choices, c => c is { Value: "1070", Label: "Home & Living › Kitchen & Dining › Drink & Barware › Mugs" });

        await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string> { ["taxonomy_id"] = "119" });
        try
        {
            Assert.Equal(ListingState.Live, (await app.PublishAsync(product.Id)).State);
            Assert.Equal(119L, Assert.Single(app.Listings("ETSY-ODD")).TaxonomyId);
        }
        finally
        {
            await app.Publishes.SaveSettingsAsync(app.Connection, new Dictionary<string, string>());
        }
    }
}
