using System.Text.Json.Nodes;
using Marketplaces.Sandbox;
using static Marketplaces.Ebay.Sandbox.Listings.EbayInventoryCaller;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// What publishOffer and publishOfferByInventoryItemGroup demand of an offer and its item before a listing goes live,
/// each refusal with its contract error id (ebay.md: "fields may be omitted at create time but are required at publish
/// time"): a leaf category, the three business policies of the offer's marketplace, a known location, a positive
/// price in the marketplace's currency, a title, a condition, at least one picture that eBay can fetch, and the
/// category's required item specifics. The missing-aspect wording is eBay's "The item specific X is missing" message.
/// </summary>
internal sealed class EbayPublishChecks(IHttpClientFactory http)
{
    /// <summary>One offer to publish, copied out of the inventory so that pictures are fetched outside its lock.</summary>
    public sealed record Candidate(EbaySandboxOffer Offer, JsonObject Offered, JsonObject Item, JsonObject? Group, IReadOnlySet<string> Locations);

    public async Task<IResult?> ProblemAsync(IReadOnlyList<Candidate> candidates, CancellationToken ct)
    {
        foreach (var candidate in candidates)
            if (OfferProblem(candidate) is { } problem) return problem;
        var first = candidates[0];
        if (candidates.All(c => Quantity(c) <= 0))
            return EbayInventoryErrors.Error(400, 25004, "The eBay listing associated with the inventory item, or the unpublished offer has an invalid quantity. The quantity must be a valid number greater than 0.");
        var images = (first.Group?["imageUrls"] ?? first.Item["product"]?["imageUrls"]) as JsonArray ?? [];
        if (images.Count == 0)
            return EbayInventoryErrors.Error(400, 25014, "The eBay listing associated with the inventory item, or the unpublished offer has invalid pictures. At least 1 picture is required.");
        using var client = http.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        foreach (var url in images.Select(Text))
        {
            if ((await SandboxImageFetch.FetchAsync(client, url, ct)).Problem is not null)
                return EbayInventoryErrors.Error(400, 25015, $"The eBay listing associated with the inventory item, or the unpublished offer has an invalid picture URL. {url}");
        }
        return null;
    }

    private static IResult? OfferProblem(Candidate candidate)
    {
        var (offer, offered, item, group) = (candidate.Offer, candidate.Offered, candidate.Item, candidate.Group);
        var site = EbaySandboxSites.Find(offer.MarketplaceId)!;
        var category = EbaySandboxCategories.Leaf(Text(offered["categoryId"]));
        if (category is null)
            return EbayInventoryErrors.Error(400, 25005, $"The eBay listing associated with the inventory item, or the unpublished offer has an invalid category ID. {Text(offered["categoryId"]) ?? "No category ID was given."}");
        var policies = offered["listingPolicies"];
        if (PolicyProblem(Text(policies?["fulfillmentPolicyId"]), site.FulfillmentPolicyId, 25007, "Fulfillment") is { } fulfillment) return fulfillment;
        if (PolicyProblem(Text(policies?["paymentPolicyId"]), site.PaymentPolicyId, 25008, "Payment") is { } payment) return payment;
        if (PolicyProblem(Text(policies?["returnPolicyId"]), site.ReturnPolicyId, 25009, "Return") is { } returns) return returns;
        if (Text(offered["merchantLocationKey"]) is not { } location || !candidate.Locations.Contains(location))
            return EbayInventoryErrors.Error(400, 25012, $"Invalid inventory location. The merchantLocationKey {Text(offered["merchantLocationKey"]) ?? "(none)"} was not found.");
        var price = offered["pricingSummary"]?["price"];
        if (!decimal.TryParse(Text(price?["value"]), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) || amount <= 0)
            return EbayInventoryErrors.Error(400, 25003, "The eBay listing associated with the inventory item, or the unpublished offer has an invalid price. The price must be greater than 0.");
        if (Text(price?["currency"]) != site.Currency)
            return EbayInventoryErrors.Error(400, 25003, $"The eBay listing associated with the inventory item, or the unpublished offer has an invalid price. The currency must be {site.Currency} on {site.MarketplaceId}.");
        if (string.IsNullOrWhiteSpace(Text(group?["title"]) ?? Text(item["product"]?["title"])))
            return EbayInventoryErrors.UserError("No Item.Title exists or Item.Title is specified as an empty tag.");
        if (Text(item["condition"]) is null)
            return EbayInventoryErrors.Error(400, 25021, "The eBay listing associated with the inventory item, or the unpublished offer has invalid item condition information. Condition is required for this category.");
        var aspects = Aspects(item["product"]?["aspects"], group?["aspects"]);
        foreach (var required in category.RequiredAspects.Where(a => !aspects.Contains(a)))
            return EbayInventoryErrors.UserError($"The item specific {required} is missing. Add {required} to this listing, enter a valid value, and then try again.");
        return null;
    }

    private static IResult? PolicyProblem(string? given, string known, int missingId, string kind) =>
        given is null
            ? EbayInventoryErrors.Error(400, missingId, $"The eBay listing associated with the inventory item, or the unpublished offer has invalid data in the associated {kind} policy. A {kind.ToLowerInvariant()} policy is required.")
            : given != known
                ? EbayInventoryErrors.Error(400, 25035, "The specified policy is not found for the market place", parameters: ("PolicyId", given))
                : null;

    public static int Quantity(Candidate candidate) =>
        Integer(candidate.Offered["availableQuantity"], out _) ?? Integer(candidate.Item["availability"]?["shipToLocationAvailability"]?["quantity"], out _) ?? 0;

    /// <summary>The names of the item specifics with a value, the item's own and the group's.</summary>
    public static HashSet<string> Aspects(params JsonNode?[] sources) =>
        sources.OfType<JsonObject>().SelectMany(a => a).Where(a => a.Value is JsonArray { Count: > 0 } values && values.Any(v => !string.IsNullOrWhiteSpace(Text(v))))
            .Select(a => a.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
