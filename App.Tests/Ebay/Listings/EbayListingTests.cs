using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Connections;
using Marketplaces.Ebay.Listings;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Listings;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Products;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Ebay.Listings;

public sealed class EbayListingFixture() : PublishingFixture("ebay", Seller)
{
    public const string Seller = "listing-seller";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The seller has no inventory location yet: the first publish creates one here.
        await Publishes.SaveSettingsAsync(Connection, new Dictionary<string, string> { [EbayChannelSettings.PostalCode] = "95125" });
    }

    public EbaySandboxInventory Inventory =>
        Services.GetServices<ISandboxEmulator>().OfType<EbayListingsEmulator>().Single().Inventory(EbaySandboxAccount.FromName(Seller));

    public List<EbaySandboxOffer> Offers(string skuPrefix)
    {
        lock (Inventory.Gate) return Inventory.Offers.Values.Where(o => o.Sku.StartsWith(skuPrefix, StringComparison.Ordinal)).ToList();
    }

    public JsonObject Item(string sku)
    {
        lock (Inventory.Gate) return (JsonObject)Inventory.Items[sku].DeepClone();
    }

    /// <summary>The seller's own client on the emulator's REST host, as a seller's other tools would call it.</summary>
    /// <param name="conforming">Its calls held to the specs (not for calls malformed on purpose).</param>
    public async Task<HttpClient> SellerAsync(bool conforming = true)
    {
        var secrets = await Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(Connection, CancellationToken.None);
        var root = new Uri(ServerAddress, "/sandbox/ebay/api/");
        var http = conforming ? Conformance.CreateClient(root) : new HttpClient { BaseAddress = root };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secrets[TokenVault.AccessToken]);
        return http;
    }
}

public sealed class EbayListingTests(EbayListingFixture app) : IClassFixture<EbayListingFixture>
{
    private static async Task<HttpResponseMessage> WriteAsync(HttpClient http, HttpMethod method, string path, object body, string? language = "en-US")
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (language is not null) request.Content.Headers.ContentLanguage.Add(language);
        return await http.SendAsync(request);
    }

    private static async Task<(int Status, int ErrorId, string Message)> ErrorAsync(HttpResponseMessage response)
    {
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        return ((int)response.StatusCode, error.GetProperty("errorId").GetInt32(), error.GetProperty("message").GetString()!);
    }

    [Fact]
    public async Task A_simple_product_is_an_inventory_item_an_offer_in_the_suggested_category_and_a_live_listing_with_its_page()
    {
        var product = await app.SavedWithPhotoAsync("EBAY-MUG", "Stoneware mug");

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var offer = Assert.Single(app.Offers("EBAY-MUG"));
        Assert.Equal((true, listing.ExternalId), (offer.Published, offer.ListingId));
        Assert.Equal("20693", offer.Body["categoryId"]!.GetValue<string>());
        Assert.Equal("19.90", offer.Body["pricingSummary"]!["price"]!["value"]!.GetValue<string>());
        Assert.Equal(EbayChannelSettings.NewLocationKey, offer.Body["merchantLocationKey"]!.GetValue<string>());
        var item = app.Item("EBAY-MUG");
        Assert.Equal("Unbranded", item["product"]!["aspects"]!["Brand"]![0]!.GetValue<string>());
        Assert.Equal(5, item["availability"]!["shipToLocationAvailability"]!["quantity"]!.GetValue<int>());
        Assert.StartsWith(app.ServerAddress.ToString().TrimEnd('/') + "/media/public/products/", item["product"]!["imageUrls"]![0]!.GetValue<string>());

        using var http = new HttpClient();
        var page = await http.GetStringAsync(listing.Url);
        Assert.Contains("<td class=\"price\">19.90</td>", page);

        product.Price = 24.5m;
        await app.SavedAsync(product);
        Assert.Equal((ListingState.Live, listing.ExternalId), ((await app.ReviseAsync(product.Id)).State, listing.ExternalId));
        Assert.Contains("<td class=\"price\">24.50</td>", await http.GetStringAsync(listing.Url));

        Assert.Equal(ListingState.Ended, (await app.EndAsync(product.Id)).State);
        Assert.False(Assert.Single(app.Offers("EBAY-MUG")).Published);
        Assert.Contains("ended by the seller", await http.GetStringAsync(listing.Url));
    }

    [Fact]
    public async Task Variants_are_a_group_published_as_one_listing_and_a_revision_drops_the_variant_that_went()
    {
        var product = PublishingFixture.New("EBAY-TEE");
        product.Title = "Cotton t-shirt";
        product.Options = [new ProductOption { Name = "Size", Values = ["S", "M"] }];
        product.Variants = VariantCombinations.For(product);
        product.Variants[1].Quantity = 3;
        product = await app.SavedAsync(await app.WithImageAsync(product));

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var offers = app.Offers("EBAY-TEE-");
        Assert.Equal(["EBAY-TEE-M", "EBAY-TEE-S"], offers.Select(o => o.Sku).Order());
        Assert.All(offers, o => Assert.Equal((true, listing.ExternalId, "15687"), (o.Published, o.ListingId, o.Body["categoryId"]!.GetValue<string>())));
        Assert.Equal("M", app.Item("EBAY-TEE-M")["product"]!["aspects"]!["Size"]![0]!.GetValue<string>());
        lock (app.Inventory.Gate) Assert.Equal(2, ((JsonArray)app.Inventory.Groups["EBAY-TEE"]["variantSKUs"]!).Count);

        product.Options[0].Values = ["M", "L"];
        product.Variants = VariantCombinations.For(product);
        product.Variants[0].Price = 21m;
        product = await app.SavedAsync(product);
        Assert.Equal(ListingState.Live, (await app.ReviseAsync(product.Id)).State);

        Assert.Equal(["EBAY-TEE-L", "EBAY-TEE-M"], app.Offers("EBAY-TEE-").Select(o => o.Sku).Order());
        using var http = new HttpClient();
        var page = await http.GetStringAsync(listing.Url);
        Assert.Contains("<tr data-sku=\"EBAY-TEE-M\"><td>M</td><td class=\"price\">21.00</td>", page);

        Assert.Equal(ListingState.Ended, (await app.EndAsync(product.Id)).State);
        Assert.All(app.Offers("EBAY-TEE-"), o => Assert.False(o.Published));
    }

    [Fact]
    public async Task A_category_refusing_the_item_shows_ebays_message_and_keeps_the_product()
    {
        var product = await app.SavedWithPhotoAsync("EBAY-PLAIN", "Plain tee");

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.NeedsAttention, listing.State);
        Assert.Contains("25002", listing.Message);
        Assert.Contains("The item specific Size is missing", listing.Message);
        Assert.NotNull(await app.Catalog.FindAsync(product.Id));
        Assert.False(Assert.Single(app.Offers("EBAY-PLAIN")).Published);
    }

    [Fact]
    public async Task A_listing_without_a_picture_is_refused_with_ebays_message()
    {
        var product = await app.SavedAsync(PublishingFixture.New("EBAY-NOPIC"));
        var listing = await app.PublishAsync(product.Id);
        Assert.Equal(ListingState.NeedsAttention, listing.State);
        Assert.Contains("At least 1 picture is required", listing.Message);
    }

    [Fact]
    public async Task A_retry_after_a_lost_answer_updates_the_offer_it_made_instead_of_making_a_second()
    {
        var product = await app.SavedAsync(await app.WithImageAsync(PublishingFixture.New("EBAY-LOST", quantity: 2)));
        var first = await app.PublishAsync(product.Id);
        Assert.Equal(ListingState.Live, first.State);
        await app.ForgetIdAsync(product.Id);
        product.Quantity = 9;
        await app.SavedAsync(product);

        var again = await app.PublishAsync(product.Id);

        Assert.Equal((ListingState.Live, first.ExternalId), (again.State, again.ExternalId));
        var offer = Assert.Single(app.Offers("EBAY-LOST"));
        Assert.Equal(9, offer.Body["availableQuantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_first_publish_of_a_sku_the_seller_already_offers_updates_that_offer()
    {
        using (var http = await app.SellerAsync())
        {
            using var put = await WriteAsync(http, HttpMethod.Put, "sell/inventory/v1/inventory_item/EBAY-PRIOR", new { condition = "NEW" });
            using var offer = await WriteAsync(http, HttpMethod.Post, "sell/inventory/v1/offer", new
            {
                sku = "EBAY-PRIOR", marketplaceId = "EBAY_US", format = "FIXED_PRICE", pricingSummary = new { price = new { value = "5.00", currency = "USD" } },
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, offer.StatusCode);
        }
        var prior = Assert.Single(app.Offers("EBAY-PRIOR")).OfferId;
        var product = await app.SavedWithPhotoAsync("EBAY-PRIOR", "Stoneware mug");

        var listing = await app.PublishAsync(product.Id);

        Assert.Equal(ListingState.Live, listing.State);
        var offered = Assert.Single(app.Offers("EBAY-PRIOR"));
        Assert.Equal((prior, "19.90", true), (offered.OfferId, offered.Body["pricingSummary"]!["price"]!["value"]!.GetValue<string>(), offered.Published));
    }

    [Fact]
    public async Task The_settings_list_the_sellers_policies_on_the_chosen_site_and_its_locations()
    {
        var (offered, _) = await app.Publishes.SettingsAsync(app.Connection, "test");
        Assert.Equal("EBAY_US", offered.Single(s => s.Key == EbayChannelSettings.Marketplace).Default);
        Assert.Equal("Standard shipping", Assert.Single(offered.Single(s => s.Key == EbayChannelSettings.FulfillmentPolicy).Choices).Label);
        Assert.True(offered.Single(s => s.Key == EbayChannelSettings.Category).Typed);

        var (british, _) = await app.Publishes.SettingsAsync(app.Connection, "test",
            choosing: new Dictionary<string, string> { [EbayChannelSettings.Marketplace] = "EBAY_GB" });
        var policy = Assert.Single(british.Single(s => s.Key == EbayChannelSettings.PaymentPolicy).Choices);
        Assert.StartsWith("702", policy.Value);
    }

    [Fact]
    public async Task A_listing_revised_250_times_today_waits_for_tomorrow_with_ebays_limit_named()
    {
        var product = await app.SavedWithPhotoAsync("EBAY-BUSY", "Stoneware mug");
        var listing = await app.PublishAsync(product.Id);
        Assert.Equal(ListingState.Live, listing.State);
        var limiter = app.Services.GetRequiredService<Marketplaces.RateLimits.RateLimiter>();
        var connection = (await app.Services.GetRequiredService<ConnectionStore>().FindAsync(app.Connection))!;
        var key = new Marketplaces.RateLimits.RateLimitKey("ebay", $"{connection.AccountId}/{listing.ExternalId}", "listing.revisions");
        for (var i = 0; i < 250; i++) await limiter.AcquireAsync(key, CancellationToken.None);

        product.Price = 30m;
        await app.SavedAsync(product);
        var revised = await app.ReviseAsync(product.Id);

        Assert.Equal(ListingState.NeedsAttention, revised.State);
        Assert.Contains("eBay's daily limit for listing.revisions is reached", revised.Message);
        Assert.Equal("19.90", Assert.Single(app.Offers("EBAY-BUSY")).Body["pricingSummary"]!["price"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_products_own_category_and_the_item_specifics_it_requires_go_over_the_connections_for_that_product_only()
    {
        var bag = await app.SavedWithPhotoAsync("EBAY-BAG", "Canvas tote bag");
        var other = await app.SavedWithPhotoAsync("EBAY-OTHER", "Canvas tote bag too");
        // Choosing a category offers the item specifics it requires that the catalog has no field for.
        var (offered, current) = await app.Publishes.SettingsAsync(app.Connection, "test", productId: bag.Id,
            choosing: new Dictionary<string, string> { [EbayChannelSettings.Category] = "169291" });
        Assert.True(offered.Single(s => s.Key == "aspect.Department").Typed);
        Assert.DoesNotContain(offered, s => s.Key == "aspect.Brand");
        // As the dialog saves them: every setting, as chosen or by default, with the product's own.
        var values = offered.ToDictionary(s => s.Key, s => current.GetValueOrDefault(s.Key, s.Default));
        (values[EbayChannelSettings.Category], values["aspect.Department"]) = ("169291", "Women");
        await app.Publishes.SaveProductSettingsAsync(bag.Id, app.Connection, values, offered.ToDictionary(s => s.Key, s => s.Default));

        Assert.Equal(ListingState.Live, (await app.PublishAsync(bag.Id)).State);
        Assert.Equal("169291", Assert.Single(app.Offers("EBAY-BAG")).Body["categoryId"]!.GetValue<string>());
        Assert.Equal("Women", app.Item("EBAY-BAG")["product"]!["aspects"]!["Department"]![0]!.GetValue<string>());
        var listing = (await app.Publishes.ListingsAsync(bag.Id)).Single();
        Assert.Equal(new Dictionary<string, string> { [EbayChannelSettings.Category] = "169291", ["aspect.Department"] = "Women" }, listing.Settings);

        // The other bag follows the connection's settings: eBay's suggestion, the same category, without a Department.
        var refused = await app.PublishAsync(other.Id);
        Assert.Equal(ListingState.NeedsAttention, refused.State);
        Assert.Contains("The item specific Department is missing", refused.Message);
    }

    [Fact]
    public async Task Importing_links_the_sellers_items_by_sku_and_offers_the_unknown_ones()
    {
        var known = await app.SavedAsync(PublishingFixture.New("EBAY-KNOWN"));
        using var http = await app.SellerAsync();
        foreach (var sku in new[] { "EBAY-KNOWN", "EBAY-ELSEWHERE" })
        {
            using var put = await WriteAsync(http, HttpMethod.Put, $"sell/inventory/v1/inventory_item/{sku}", new
            {
                availability = new { shipToLocationAvailability = new { quantity = 4 } }, condition = "NEW",
                product = new { title = $"Listed {sku}", aspects = new Dictionary<string, string[]> { ["Brand"] = ["Acme"] } },
            });
            Assert.Equal(System.Net.HttpStatusCode.NoContent, put.StatusCode);
            using var offer = await WriteAsync(http, HttpMethod.Post, "sell/inventory/v1/offer", new
            {
                sku, marketplaceId = "EBAY_US", format = "FIXED_PRICE", pricingSummary = new { price = new { value = "7.50", currency = "USD" } },
            });
            Assert.Equal(System.Net.HttpStatusCode.Created, offer.StatusCode);
        }

        var read = await app.Imports.ReadAsync(app.Connection, "test");

        Assert.Equal(ImportOutcome.Linked, read.Single(r => r.Listing.Sku == "EBAY-KNOWN").Outcome);
        var elsewhere = read.Single(r => r.Listing.Sku == "EBAY-ELSEWHERE");
        Assert.Equal((ImportOutcome.NotInCatalog, 7.50m, 4, false), (elsewhere.Outcome, elsewhere.Listing.Price, elsewhere.Listing.Quantity, elsewhere.Listing.Live));
        Assert.Single(await app.Publishes.ListingsAsync(known.Id));
        var created = Assert.Single(await app.Imports.CreateAsync(app.Connection, [elsewhere.Listing]));
        Assert.Equal("Listed EBAY-ELSEWHERE", (await app.Catalog.FindAsync(created.ProductId!.Value))!.Title);
    }

    [Fact]
    public async Task The_emulator_refuses_money_as_a_number_a_write_without_content_language_and_a_user_token_on_the_taxonomy()
    {
        using var http = await app.SellerAsync(conforming: false);
        using var item = await WriteAsync(http, HttpMethod.Put, "sell/inventory/v1/inventory_item/EBAY-STRICT", new { condition = "NEW" }, language: null);
        Assert.Equal((400, 25709, "Invalid value for header Content-Language."), await ErrorAsync(item));

        using var stored = await WriteAsync(http, HttpMethod.Put, "sell/inventory/v1/inventory_item/EBAY-STRICT", new { condition = "NEW" });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, stored.StatusCode);
        using var number = await WriteAsync(http, HttpMethod.Post, "sell/inventory/v1/offer", new
        {
            sku = "EBAY-STRICT", marketplaceId = "EBAY_US", format = "FIXED_PRICE", pricingSummary = new { price = new { value = 19.99, currency = "USD" } },
        });
        Assert.Equal((400, 25709, "Invalid value for pricingSummary.price.value."), await ErrorAsync(number));

        using var taxonomy = await http.GetAsync("commerce/taxonomy/v1/get_default_category_tree_id?marketplace_id=EBAY_US");
        Assert.Equal(403, (int)taxonomy.StatusCode);
    }
}
