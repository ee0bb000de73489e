using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Marketplaces.Ebay.Sandbox.Listings.EbayInventoryCaller;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// Offers (ebay.md "Publish a product"): created per SKU, marketplace and format (a second one is refused, 25002 "Offer
/// entity already exists"), replaced whole by updateOffer (a published offer's listing is revised at once), published
/// alone or by inventory item group (one listing for the group's SKUs), withdrawn. Money goes as a string
/// (<c>"19.99"</c>): a number is refused, as eBay does.
/// </summary>
internal sealed class EbayOfferEndpoints(EbayInventoryCaller caller, EbayPublishChecks checks)
{
    private static readonly HashSet<string> Formats = ["FIXED_PRICE", "AUCTION"];

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken ct)
    {
        var (inventory, body, _, refused) = await caller.WriteAsync(request, languageRequired: true, ct);
        if (refused is not null) return refused;
        var (sku, marketplace, format) = (Text(body!["sku"]), Text(body["marketplaceId"]), Text(body["format"]));
        if (sku is null) return EbayInventoryErrors.InvalidValue("sku");
        if (EbaySandboxSites.Find(marketplace) is null) return EbayInventoryErrors.InvalidValue("marketplaceId");
        if (format is null || !Formats.Contains(format)) return EbayInventoryErrors.InvalidValue("format");
        if (OfferProblem(body) is { } problem) return problem;
        lock (inventory!.Gate)
        {
            if (!inventory.Items.ContainsKey(sku)) return EbayInventoryErrors.SkuNotFound(sku);
            if (inventory.OffersOf(sku).FirstOrDefault(o => o.MarketplaceId == marketplace && o.Format == format) is { } existing)
                return EbayInventoryErrors.Error(400, 25002, "A user error has occurred. Offer entity already exists.", parameters: ("offerId", existing.OfferId));
            var offer = new EbaySandboxOffer(inventory.NextOfferId(), sku, marketplace!, format) { Body = Stripped(body) };
            inventory.Offers[offer.OfferId] = offer;
            return Results.Json(new { offerId = offer.OfferId, warnings = Array.Empty<object>() }, statusCode: 201);
        }
    }

    /// <summary>updateOffer: the whole offer replaced (the sku, marketplace and format stay).</summary>
    public async Task<IResult> UpdateAsync(HttpRequest request, string offerId, CancellationToken ct)
    {
        var (inventory, body, _, refused) = await caller.WriteAsync(request, languageRequired: true, ct);
        if (refused is not null) return refused;
        if (OfferProblem(body!) is { } problem) return problem;
        lock (inventory!.Gate)
        {
            if (!inventory.Offers.TryGetValue(offerId, out var offer)) return EbayInventoryErrors.NotFound();
            offer.Body = Stripped(body!);
        }
        return Results.NoContent();
    }

    public async Task<IResult> GetAsync(HttpRequest request, string offerId, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, EbayScopes.InventoryRead, ct);
        if (refused is not null) return refused;
        lock (inventory!.Gate) return inventory.Offers.TryGetValue(offerId, out var offer) ? Results.Json(offer.Json()) : EbayInventoryErrors.NotFound();
    }

    /// <summary>getOffers by SKU (and marketplace): an unknown SKU is 25702, a SKU without offers 404 25713.</summary>
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, EbayScopes.InventoryRead, ct);
        if (refused is not null) return refused;
        var sku = request.Query["sku"].ToString();
        var marketplace = request.Query["marketplace_id"].ToString();
        if (sku.Length == 0) return EbayInventoryErrors.InvalidValue("sku");
        lock (inventory!.Gate)
        {
            if (!inventory.Items.ContainsKey(sku)) return EbayInventoryErrors.SkuNotFound(sku);
            var offers = inventory.OffersOf(sku).Where(o => marketplace.Length == 0 || o.MarketplaceId == marketplace).ToList();
            if (offers.Count == 0) return EbayInventoryErrors.Error(404, 25713, "This Offer is not available : No offer exists for this SKU.");
            var href = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
            return Results.Json(new JsonObject
            {
                ["href"] = href, ["limit"] = 100, ["size"] = offers.Count, ["total"] = offers.Count,
                ["offers"] = new JsonArray([.. offers.Select(o => (JsonNode)o.Json())]),
            });
        }
    }

    public async Task<IResult> PublishAsync(HttpRequest request, string offerId, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, new HashSet<string> { EbayScopes.Inventory }, ct);
        if (refused is not null) return refused;
        EbayPublishChecks.Candidate candidate;
        lock (inventory!.Gate)
        {
            if (!inventory.Offers.TryGetValue(offerId, out var offer)) return EbayInventoryErrors.NotFound();
            candidate = Candidate(inventory, offer, null);
        }
        if (await checks.ProblemAsync([candidate], ct) is { } problem) return problem;
        lock (inventory.Gate) return Published(inventory, [candidate.Offer]);
    }

    public async Task<IResult> PublishGroupAsync(HttpRequest request, CancellationToken ct)
    {
        var (inventory, body, _, refused) = await caller.WriteAsync(request, languageRequired: false, ct);
        if (refused is not null) return refused;
        var (key, marketplace) = (Text(body!["inventoryItemGroupKey"]), Text(body["marketplaceId"]));
        if (EbaySandboxSites.Find(marketplace) is null) return EbayInventoryErrors.InvalidValue("marketplaceId");
        var candidates = new List<EbayPublishChecks.Candidate>();
        lock (inventory!.Gate)
        {
            if (key is null || !inventory.Groups.TryGetValue(key, out var group)) return GroupNotFound(key ?? "");
            var skus = ((JsonArray)group["variantSKUs"]!).Select(s => s!.GetValue<string>()).ToList();
            var specifications = ((JsonArray)group["variesBy"]!["specifications"]!).Select(s => Text(s!["name"])!).ToList();
            foreach (var sku in skus)
            {
                var offer = inventory.OffersOf(sku).FirstOrDefault(o => o.MarketplaceId == marketplace && o.Format == "FIXED_PRICE");
                if (!inventory.Items.TryGetValue(sku, out var item) || offer is null)
                    return GroupInvalid($"No inventory item with a fixed-price offer on {marketplace} exists for the SKU {sku}.");
                var aspects = EbayPublishChecks.Aspects(item["product"]?["aspects"]);
                if (specifications.FirstOrDefault(s => !aspects.Contains(s)) is { } missing)
                    return GroupInvalid($"The SKU {sku} has no value for {missing}, which the group varies by.");
                candidates.Add(Candidate(inventory, offer, group));
            }
            if (candidates.Count == 0) return GroupInvalid("The group has no variant SKUs.");
        }
        if (await checks.ProblemAsync(candidates, ct) is { } problem) return problem;
        lock (inventory.Gate) return Published(inventory, candidates.Select(c => c.Offer).ToList());
    }

    public async Task<IResult> WithdrawAsync(HttpRequest request, string offerId, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, new HashSet<string> { EbayScopes.Inventory }, ct);
        if (refused is not null) return refused;
        lock (inventory!.Gate)
        {
            if (!inventory.Offers.TryGetValue(offerId, out var offer)) return EbayInventoryErrors.NotFound();
            if (!offer.Published) return EbayInventoryErrors.Error(400, 25713, "This Offer is not available : The offer is not published.");
            offer.Published = false;
            return Results.Json(new { listingId = offer.ListingId, warnings = Array.Empty<object>() });
        }
    }

    public async Task<IResult> WithdrawGroupAsync(HttpRequest request, CancellationToken ct)
    {
        var (inventory, body, _, refused) = await caller.WriteAsync(request, languageRequired: false, ct);
        if (refused is not null) return refused;
        var (key, marketplace) = (Text(body!["inventoryItemGroupKey"]), Text(body["marketplaceId"]));
        lock (inventory!.Gate)
        {
            var skus = key is not null && inventory.Groups.TryGetValue(key, out var group)
                ? ((JsonArray)group["variantSKUs"]!).Select(s => s!.GetValue<string>()).ToHashSet() : [];
            var published = inventory.Offers.Values.Where(o => skus.Contains(o.Sku) && o.MarketplaceId == marketplace && o.Published).ToList();
            if (published.Count == 0) return EbayInventoryErrors.Error(400, 25725, "No offer found");
            foreach (var offer in published) offer.Published = false;
        }
        return Results.NoContent();
    }

    private static EbayPublishChecks.Candidate Candidate(EbaySandboxInventory inventory, EbaySandboxOffer offer, JsonObject? group) =>
        new(offer, (JsonObject)offer.Body.DeepClone(), (JsonObject)inventory.Items[offer.Sku].DeepClone(), (JsonObject?)group?.DeepClone(),
            inventory.Locations.Keys.ToHashSet());

    /// <summary>The offers live as one listing: the one they already share, or a new one (a relisted offer gets a new id, as on eBay).</summary>
    private static IResult Published(EbaySandboxInventory inventory, IReadOnlyList<EbaySandboxOffer> offers)
    {
        var listingId = offers.Where(o => o.Published).Select(o => o.ListingId).FirstOrDefault() ?? inventory.NextListingId();
        foreach (var offer in offers) (offer.Published, offer.ListingId) = (true, listingId);
        return Results.Json(new { listingId, warnings = Array.Empty<object>() });
    }

    /// <summary>publishOfferByInventoryItemGroup lists 25705 as a 400, where getInventoryItemGroup answers 404.</summary>
    private static IResult GroupNotFound(string key) =>
        EbayInventoryErrors.Error(400, 25705, $"The Inventory Item Group named {key} could not be found or is not available in the system.", parameters: ("inventoryItemGroupKey", key));

    private static IResult GroupInvalid(string detail) => EbayInventoryErrors.Error(400, 25013, $"Invalid data in the Inventory Item Group. {detail}");

    /// <summary>The form of an offer's fields, checked when it is written; their content waits for publishing.</summary>
    private static IResult? OfferProblem(JsonObject body)
    {
        if (Integer(body["availableQuantity"], out var valid) is < 0 || !valid) return EbayInventoryErrors.InvalidValue("availableQuantity");
        if (body["pricingSummary"]?["price"] is { } price)
        {
            if (price["value"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String
                || !decimal.TryParse(value.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                return EbayInventoryErrors.InvalidValue("pricingSummary.price.value");
            if (Text(price["currency"]) is not { Length: 3 }) return EbayInventoryErrors.InvalidValue("pricingSummary.price.currency");
        }
        foreach (var field in new[] { "categoryId", "merchantLocationKey", "listingDescription" })
            if (body[field] is { } given && Text(given) is null) return EbayInventoryErrors.InvalidValue(field);
        return null;
    }

    /// <summary>The body without what the offer's identity fixes.</summary>
    private static JsonObject Stripped(JsonObject body)
    {
        var copy = (JsonObject)body.DeepClone();
        foreach (var fixedField in new[] { "sku", "marketplaceId", "format", "offerId", "status", "listing" }) copy.Remove(fixedField);
        return copy;
    }
}
