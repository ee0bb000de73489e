using System.Globalization;
using System.Net;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Inventory;
using Marketplaces.Ebay.Orders;
using Marketplaces.Products.Listings;
using Marketplaces.Products;
using Marketplaces.RateLimits;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Ebay.Listings;

/// <summary>
/// A catalog product as an eBay listing through the Inventory API (ebay.md "Publish a product"): the inventory item,
/// an offer with the connection's business policies, location and category, then publish. A product with variants is
/// an inventory item per variant, an inventory item group (its key the product's SKU) varying by the options, an offer
/// per variant and one publish by group. Keys are SKUs, so a retry after a lost answer finds what the first attempt
/// wrote: items and groups are replaced, an existing offer is updated, never created twice. The listing's id is the
/// one eBay gave at publish.
/// </summary>
public sealed class EbayListingPublisher(OAuth2TokenProtocol oauth, IMemoryCache cache, RateLimiter limiter) : IListingPublisher
{
    private readonly EbayTaxonomy _taxonomy = new(new EbayApplicationTokens(oauth, cache), cache);
    private EbayChannelSettings Settings => new(cache, _taxonomy);

    public string MarketplaceId => EbayRest.MarketplaceId;

    public async Task<PublishedListing> PublishAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var product = draft.Product;
        // A live listing takes at most 250 revisions a day (ebay.md): each publish of one counts as one.
        if (draft.ExternalId is { } listed) await limiter.AcquireAsync(new RateLimitKey(MarketplaceId, $"{api.Connection.AccountId}/{listed}", "listing.revisions"), ct);
        var terms = await Settings.TermsAsync(api, draft, ct);
        var site = terms.Site;
        var offer = new OfferTerms(terms,
            draft.Setting(EbayChannelSettings.Category, "") is { Length: > 0 } chosen ? chosen : await _taxonomy.SuggestedCategoryAsync(api, site, product.Title, ct));
        string listingId;
        if (!product.HasVariants)
        {
            await SendAsync(api, HttpMethod.Put, $"inventory_item/{Uri.EscapeDataString(product.Sku)}", Item(draft, null), site.Language, ct);
            var saved = await SaveOfferAsync(api, offer, product.Sku, product.Price, product.Quantity, product, New(draft), ct);
            listingId = saved.ListingId ?? await PublishOfferAsync(api, saved.OfferId, ct);
        }
        else
        {
            var previous = New(draft) ? [] : await GroupSkusAsync(api, product.Sku, ct);
            foreach (var variant in product.Variants)
                await SendAsync(api, HttpMethod.Put, $"inventory_item/{Uri.EscapeDataString(variant.Sku)}", Item(draft, variant), site.Language, ct);
            await SendAsync(api, HttpMethod.Put, $"inventory_item_group/{Uri.EscapeDataString(product.Sku)}", Group(draft), site.Language, ct);
            foreach (var gone in previous.Except(product.Variants.Select(v => v.Sku), StringComparer.Ordinal))
                await DeleteItemAsync(api, gone, ct);
            foreach (var variant in product.Variants) await SaveOfferAsync(api, offer, variant.Sku, variant.Price, variant.Quantity, product, New(draft), ct);
            using var published = await ReadAsync(api, HttpMethod.Post, "offer/publish_by_inventory_item_group",
                new { inventoryItemGroupKey = product.Sku, marketplaceId = site.MarketplaceId }, null, ct);
            listingId = JsonText.Of(published.RootElement, "listingId")!;
        }
        return new PublishedListing(listingId, ListingUrl(api, listingId));
    }

    public Task<IReadOnlyList<ChannelSetting>> SettingsAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct) =>
        Settings.OfferedAsync(api, chosen, ct);

    /// <summary>
    /// Withdraws the offers (ebay.md: <c>POST /offer/{offerId}/withdraw</c>, or by group for a product with variants);
    /// the items and offers stay for a later publish. Nothing published, or nothing there any more, counts as ended.
    /// </summary>
    public async Task EndAsync(ConnectionApi api, ListingEnd listing, CancellationToken ct)
    {
        var sku = listing.Sku;
        var variants = await GroupSkusAsync(api, sku, ct);
        if (variants.Count > 0)
        {
            foreach (var marketplace in (await OffersAsync(api, variants[0], ct)).Where(o => o.Published).Select(o => o.MarketplaceId).Distinct())
            {
                using var response = await SendRawAsync(api, HttpMethod.Post, "offer/withdraw_by_inventory_item_group",
                    new { inventoryItemGroupKey = sku, marketplaceId = marketplace }, null, ct);
                if (!response.IsSuccessStatusCode && await ErrorIdAsync(response, ct) != "25725") await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
            }
            return;
        }
        foreach (var offer in (await OffersAsync(api, sku, ct)).Where(o => o.Published))
        {
            using var response = await SendRawAsync(api, HttpMethod.Post, $"offer/{Uri.EscapeDataString(offer.OfferId)}/withdraw", null, null, ct);
            if (!response.IsSuccessStatusCode && await ErrorIdAsync(response, ct) != "25713") await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
        }
    }

    public IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, IReadOnlyDictionary<string, string> settings, CancellationToken ct) => new EbayListingReader(this).ReadAllAsync(api, ct);

    /// <summary>
    /// The connection's offer for the SKU on the site, updated, or created when there is none; its listing id when
    /// already live. For a new listing it is created straight away, and updated if eBay says the SKU has one.
    /// </summary>
    private async Task<(string OfferId, string? ListingId)> SaveOfferAsync(ConnectionApi api, OfferTerms terms, string sku, decimal price, int quantity,
        Product product, bool isNew, CancellationToken ct)
    {
        var body = new Dictionary<string, object?>
        {
            ["sku"] = sku,
            ["marketplaceId"] = terms.Site.MarketplaceId,
            ["format"] = "FIXED_PRICE",
            ["availableQuantity"] = quantity,
            ["categoryId"] = terms.CategoryId,
            ["listingDescription"] = product.Description.Length > 0 ? product.Description : product.Title,
            ["listingDuration"] = "GTC",
            ["merchantLocationKey"] = terms.Terms.LocationKey,
            ["pricingSummary"] = new { price = Money(price, product.Currency) },
            ["listingPolicies"] = new
            {
                fulfillmentPolicyId = Blank(terms.Terms.FulfillmentPolicyId), paymentPolicyId = Blank(terms.Terms.PaymentPolicyId), returnPolicyId = Blank(terms.Terms.ReturnPolicyId),
            },
        };
        var existing = isNew ? null : (await OffersAsync(api, sku, ct)).FirstOrDefault(o => o.MarketplaceId == terms.Site.MarketplaceId && o.Format == "FIXED_PRICE");
        if (existing is null)
        {
            using var response = await SendRawAsync(api, HttpMethod.Post, "offer", body, terms.Site.Language, ct);
            if (response.IsSuccessStatusCode)
            {
                using var created = await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
                return (JsonText.Of(created.RootElement, "offerId")!, null);
            }
            // A SKU new to this app that the seller already offers elsewhere: eBay names the offer it has (25002).
            existing = await ExistingOfferAsync(response, ct) is { } offerId ? new EbayOffer(offerId, terms.Site.MarketplaceId, "FIXED_PRICE", false, null, null, null) : null;
            if (existing is null) await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
        }
        // updateOffer's body (EbayOfferDetailsWithId) has no sku, marketplace or format: they are the offer's identity.
        foreach (var identity in new[] { "sku", "marketplaceId", "format" }) body.Remove(identity);
        await SendAsync(api, HttpMethod.Put, $"offer/{Uri.EscapeDataString(existing!.OfferId)}", body, terms.Site.Language, ct);
        return (existing.OfferId, existing.Published ? existing.ListingId : null);
    }

    /// <summary>
    /// A first publish (no listing id, no attempt that may have made one) creates without asking eBay first what
    /// exists: the offers and group a revision reads cost a call per SKU against the day's quota.
    /// </summary>
    private static bool New(ListingDraft draft) => draft.ExternalId is null && !draft.MayExist;

    /// <summary>The offer eBay says already exists for the SKU (createOffer's 25002 "Offer entity already exists", its offerId parameter).</summary>
    private static async Task<string?> ExistingOfferAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var error = await MarketplaceHttp.TryReadJsonAsync(response, ct);
        return error?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
               && errors.GetArrayLength() > 0 && errors[0].TryGetProperty("errorId", out var id) && id.GetRawText() == "25002"
               && errors[0].TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array
            ? parameters.EnumerateArray().Where(p => JsonText.Of(p, "name") == "offerId").Select(p => JsonText.Of(p, "value")).FirstOrDefault()
            : null;
    }

    private async Task<string> PublishOfferAsync(ConnectionApi api, string offerId, CancellationToken ct)
    {
        using var published = await ReadAsync(api, HttpMethod.Post, $"offer/{Uri.EscapeDataString(offerId)}/publish", null, null, ct);
        return JsonText.Of(published.RootElement, "listingId")!;
    }

    public string OutOfStock => "At 0 eBay keeps the listing, shown as out of stock, when the account's out-of-stock control is on; otherwise eBay ends it.";

    /// <summary>
    /// bulkUpdatePriceQuantity, 25 SKUs a call (ebay.md): each SKU's ship-to-home quantity and its published offer's
    /// available quantity (the listing shows the smaller of the two). An offer id is read once per SKU (getOffers) and
    /// kept. Each listing changed counts as one of its 250 revisions of the day.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SetStockAsync(ConnectionApi api, IReadOnlyList<ListingStock> listings, CancellationToken ct)
    {
        var requests = new List<(string ListingId, string Sku, object Request)>();
        var problems = new Dictionary<string, string>(await ListingStock.EachAsync(listings, async listing =>
        {
            await limiter.AcquireAsync(new RateLimitKey(MarketplaceId, $"{api.Connection.AccountId}/{listing.ExternalId}", "listing.revisions"), ct);
            var site = EbayChannelSettings.Site(listing.Settings);
            foreach (var (sku, quantity) in listing.Changed)
            {
                var offerId = await PublishedOfferAsync(api, sku, site.MarketplaceId, ct)
                              ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"eBay has no published offer for {sku}: publish the product again.");
                requests.Add((listing.ExternalId, sku, new { sku, shipToLocationAvailability = new { quantity }, offers = new[] { new { offerId, availableQuantity = quantity } } }));
            }
        }));
        foreach (var chunk in requests.Where(r => !problems.ContainsKey(r.ListingId)).Chunk(BulkLimit))
        {
            using var response = await SendRawAsync(api, HttpMethod.Post, "bulk_update_price_quantity", new { requests = chunk.Select(r => r.Request) }, null, ct);
            // 207 (some refused) is a success status: each SKU's outcome is in the answer.
            using var json = await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
            var listingOf = chunk.ToLookup(r => r.Sku, r => r.ListingId);
            foreach (var refused in json.RootElement.GetProperty("responses").EnumerateArray().Where(r => r.GetProperty("statusCode").GetInt32() != 200))
            {
                var sku = JsonText.Of(refused, "sku") ?? "";
                var message = refused.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0 ? $"{JsonText.Of(errors[0], "errorId")} {JsonText.Of(errors[0], "message")}" : "refused";
                foreach (var listingId in listingOf[sku]) problems[listingId] = $"eBay refused the stock of {sku}: {message}";
                cache.Remove(OfferKey(api, sku));
            }
        }
        return problems;
    }

    private const int BulkLimit = 25;

    private async Task<string?> PublishedOfferAsync(ConnectionApi api, string sku, string marketplaceId, CancellationToken ct)
    {
        if (cache.TryGetValue(OfferKey(api, sku), out string? known)) return known;
        var offer = (await OffersAsync(api, sku, ct)).FirstOrDefault(o => o.MarketplaceId == marketplaceId && o.Format == "FIXED_PRICE" && o.Published);
        if (offer is not null) cache.Set(OfferKey(api, sku), offer.OfferId, TimeSpan.FromHours(12));
        return offer?.OfferId;
    }

    private static string OfferKey(ConnectionApi api, string sku) => $"ebay-offer:{api.Connection.Id}:{sku}";

    /// <summary>getOffers for one SKU: none when eBay has no offer for it (25713) or does not know the SKU (25702).</summary>
    internal async Task<IReadOnlyList<EbayOffer>> OffersAsync(ConnectionApi api, string sku, CancellationToken ct)
    {
        using var response = await SendRawAsync(api, HttpMethod.Get, $"offer?sku={Uri.EscapeDataString(sku)}", null, null, ct);
        if (!response.IsSuccessStatusCode && await ErrorIdAsync(response, ct) is "25713" or "25702") return [];
        using var json = await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
        return json.RootElement.TryGetProperty("offers", out var offers) && offers.ValueKind == JsonValueKind.Array
            ? offers.EnumerateArray().Select(EbayOffer.From).ToList()
            : [];
    }

    /// <summary>The variant SKUs of the group keyed by the product's SKU, none when there is no such group.</summary>
    internal async Task<IReadOnlyList<string>> GroupSkusAsync(ConnectionApi api, string key, CancellationToken ct)
    {
        using var group = await GroupAsync(api, key, ct);
        return group?.RootElement.TryGetProperty("variantSKUs", out var skus) == true && skus.ValueKind == JsonValueKind.Array
            ? skus.EnumerateArray().Select(s => s.GetString()!).ToList()
            : [];
    }

    internal async Task<JsonDocument?> GroupAsync(ConnectionApi api, string key, CancellationToken ct)
    {
        using var response = await SendRawAsync(api, HttpMethod.Get, $"inventory_item_group/{Uri.EscapeDataString(key)}", null, null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
    }

    private async Task DeleteItemAsync(ConnectionApi api, string sku, CancellationToken ct)
    {
        using var response = await SendRawAsync(api, HttpMethod.Delete, $"inventory_item/{Uri.EscapeDataString(sku)}", null, null, ct);
        if (response.StatusCode != HttpStatusCode.NotFound) await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
    }

    /// <summary>The inventory item: what is sold and how many, with the product's specifics (a variant's option values among them).</summary>
    private static Dictionary<string, object?> Item(ListingDraft draft, ProductVariant? variant)
    {
        var product = draft.Product;
        var aspects = Aspects(draft);
        if (variant is not null)
            for (var i = 0; i < product.Options.Count; i++) aspects[product.Options[i].Name] = [variant.OptionValues[i]];
        var gtin = variant?.Gtin ?? product.Gtin;
        var described = new Dictionary<string, object?>
        {
            ["title"] = product.Title,
            ["description"] = product.Description.Length > 0 ? product.Description : product.Title,
            ["aspects"] = aspects,
            ["brand"] = product.Brand ?? "Unbranded",
            ["imageUrls"] = Images(draft, variant),
        };
        if (product.Mpn is { Length: > 0 } mpn) described["mpn"] = mpn;
        if (gtin is { Length: 13 }) described["ean"] = new[] { gtin };
        else if (gtin is { Length: 12 }) described["upc"] = new[] { gtin };
        var body = new Dictionary<string, object?>
        {
            ["availability"] = new { shipToLocationAvailability = new { quantity = variant?.Quantity ?? product.Quantity } },
            ["condition"] = Condition(product.Condition),
            ["product"] = described,
        };
        if (PackageOf(product) is { } package) body["packageWeightAndSize"] = package;
        return body;
    }

    private static Dictionary<string, object?> Group(ListingDraft draft)
    {
        var product = draft.Product;
        return new Dictionary<string, object?>
        {
            ["title"] = product.Title,
            ["description"] = product.Description.Length > 0 ? product.Description : product.Title,
            ["aspects"] = Aspects(draft),
            ["imageUrls"] = Images(draft, null),
            ["variantSKUs"] = product.Variants.Select(v => v.Sku).ToList(),
            ["variesBy"] = new
            {
                aspectsImageVariesBy = Array.Empty<string>(),
                specifications = product.Options.Select(o => new { name = o.Name, values = o.Values }).ToList(),
            },
        };
    }

    /// <summary>
    /// Brand (eBay's "Unbranded" when the catalog has none) and MPN as item specifics, which most categories require,
    /// and the values the seller gave in the channel settings for the others the category requires.
    /// </summary>
    private static Dictionary<string, string[]> Aspects(ListingDraft draft)
    {
        var product = draft.Product;
        var aspects = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["Brand"] = [product.Brand ?? "Unbranded"] };
        if (product.Mpn is { Length: > 0 } mpn) aspects["MPN"] = [mpn];
        foreach (var (key, value) in draft.Settings.Where(s => s.Key.StartsWith(EbayChannelSettings.AspectPrefix, StringComparison.Ordinal) && s.Value.Length > 0))
            aspects[key[EbayChannelSettings.AspectPrefix.Length..]] = [value];
        return aspects;
    }

    /// <summary>The variant's own picture first, then the product's, at most eBay's 24.</summary>
    private static List<string> Images(ListingDraft draft, ProductVariant? variant)
    {
        var images = draft.Product.Images.OrderBy(i => i.Id == variant?.ImageId ? 0 : 1).ThenBy(i => i.Position);
        return images.Select(i => draft.ImageUrls[i.Id]).Take(24).ToList();
    }

    private static object? PackageOf(Product product)
    {
        var weight = product.WeightGrams is { } grams ? new { value = grams, unit = "GRAM" } : null;
        var dimensions = product is { LengthCm: { } l, WidthCm: { } w, HeightCm: { } h } ? new { length = l, width = w, height = h, unit = "CENTIMETER" } : null;
        return weight is null && dimensions is null ? null : new { weight, dimensions };
    }

    /// <summary>ConditionEnum values for the catalog's conditions.</summary>
    private static string Condition(ProductCondition condition) => condition switch
    {
        ProductCondition.New => "NEW",
        ProductCondition.NewOther => "NEW_OTHER",
        ProductCondition.Refurbished => "SELLER_REFURBISHED",
        ProductCondition.UsedLikeNew => "USED_EXCELLENT",
        ProductCondition.UsedGood => "USED_GOOD",
        ProductCondition.UsedAcceptable => "USED_ACCEPTABLE",
        _ => "FOR_PARTS_OR_NOT_WORKING",
    };

    /// <summary>eBay's Amount: the value as a string (ebay.md: a number is refused).</summary>
    public static object Money(decimal value, string currency) => new { value = value.ToString("0.00", CultureInfo.InvariantCulture), currency };

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    public static string? ListingUrl(ConnectionApi api, string listingId) =>
        api.Target.Endpoints.Urls.TryGetValue("listing", out var template) ? template.Replace("{listingId}", listingId, StringComparison.Ordinal) : null;

    internal static async Task SendAsync(ConnectionApi api, HttpMethod method, string path, object? body, string? language, CancellationToken ct)
    {
        using var response = await SendRawAsync(api, method, path, body, language, ct);
        await EbayApiFailure.Errors.EnsureSuccessAsync(response, ct);
    }

    internal static async Task<JsonDocument> ReadAsync(ConnectionApi api, HttpMethod method, string path, object? body, string? language, CancellationToken ct)
    {
        using var response = await SendRawAsync(api, method, path, body, language, ct);
        return await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
    }

    /// <summary>An Inventory API call (<c>/sell/inventory/v1/…</c>).</summary>
    internal static Task<HttpResponseMessage> SendRawAsync(ConnectionApi api, HttpMethod method, string path, object? body, string? language, CancellationToken ct) =>
        api.SendAsync(token => EbayRest.Request(api, method, path.StartsWith("http", StringComparison.Ordinal) ? path : EbayRest.Url(api, $"sell/inventory/v1/{path}"),
            token, "sell.inventory", body, language), ct);

    private static async Task<string?> ErrorIdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        using var error = await MarketplaceHttp.TryReadJsonAsync(response, ct);
        return error?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("errors", out var errors)
               && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0 && errors[0].TryGetProperty("errorId", out var id)
            ? id.GetRawText()
            : null;
    }

    private sealed record OfferTerms(EbayChannelSettings.Terms Terms, string CategoryId)
    {
        public EbaySite Site => Terms.Site;
    }
}

/// <summary>An offer as getOffers answers it: enough to update it, or to withdraw it and know where it is live.</summary>
internal sealed record EbayOffer(string OfferId, string MarketplaceId, string Format, bool Published, string? ListingId, decimal? Price, int? Quantity)
{
    public static EbayOffer From(JsonElement offer) => new(
        JsonText.Of(offer, "offerId")!, JsonText.Of(offer, "marketplaceId") ?? "", JsonText.Of(offer, "format") ?? "",
        JsonText.Of(offer, "status") == "PUBLISHED",
        offer.TryGetProperty("listing", out var listing) ? JsonText.Of(listing, "listingId") : null,
        offer.TryGetProperty("pricingSummary", out var pricing) && pricing.TryGetProperty("price", out var price)
            && decimal.TryParse(JsonText.Of(price, "value"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null,
        offer.TryGetProperty("availableQuantity", out var quantity) && quantity.TryGetInt32(out var q) ? q : null);
}
