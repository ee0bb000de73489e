using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Marketplaces.Ebay.Sandbox.Listings.EbayInventoryCaller;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// Inventory items and inventory item groups (ebay.md "Publish a product", sell_inventory_v1_oas3.json): kept as the
/// seller sent them, their form checked on the way in, their content when an offer is published. SKUs: letters, digits,
/// '-', '_' and '.', at most 50 (25707; the contract's wording says alphanumeric only, but eBay's own examples have dashes).
/// </summary>
internal sealed partial class EbayInventoryItemEndpoints(EbayInventoryCaller caller)
{
    /// <summary>ConditionEnum of the contract, the values a seller of new and used goods meets.</summary>
    private static readonly HashSet<string> Conditions =
    [
        "NEW", "LIKE_NEW", "NEW_OTHER", "NEW_WITH_DEFECTS", "USED_EXCELLENT", "USED_VERY_GOOD", "USED_GOOD", "USED_ACCEPTABLE",
        "CERTIFIED_REFURBISHED", "EXCELLENT_REFURBISHED", "VERY_GOOD_REFURBISHED", "GOOD_REFURBISHED", "SELLER_REFURBISHED", "FOR_PARTS_OR_NOT_WORKING",
    ];

    public async Task<IResult> PutItemAsync(HttpRequest request, string sku, CancellationToken ct)
    {
        if (!ValidSku().IsMatch(sku)) return InvalidSku();
        var (inventory, body, locale, refused) = await caller.WriteAsync(request, languageRequired: true, ct);
        if (refused is not null) return refused;
        if (ItemProblem(body!) is { } problem) return problem;
        lock (inventory!.Gate)
        {
            inventory.Items[sku] = body!;
            inventory.Locales[sku] = locale;
        }
        return Results.NoContent();
    }

    public async Task<IResult> GetItemAsync(HttpRequest request, string sku, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, EbayScopes.InventoryRead, ct);
        if (refused is not null) return refused;
        lock (inventory!.Gate) return inventory.Items.ContainsKey(sku) ? Results.Json(ItemJson(inventory, sku)) : EbayInventoryErrors.NotFound();
    }

    /// <summary>getInventoryItems: <c>offset</c> is a page number here, as the contract says (unlike the Fulfillment API's record offset).</summary>
    public async Task<IResult> ListItemsAsync(HttpRequest request, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, EbayScopes.InventoryRead, ct);
        if (refused is not null) return refused;
        if (!Paging(request, out var limit, out var page)) return EbayInventoryErrors.InvalidValue(request.Query.ContainsKey("limit") ? "limit" : "offset");
        lock (inventory!.Gate)
        {
            var skus = inventory.Items.Keys.Order(StringComparer.Ordinal).ToList();
            var root = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
            var body = new JsonObject
            {
                ["href"] = $"{root}?limit={limit}&offset={page}",
                ["inventoryItems"] = new JsonArray([.. skus.Skip(page * limit).Take(limit).Select(s => (JsonNode)ItemJson(inventory, s))]),
                ["limit"] = limit,
                ["size"] = skus.Skip(page * limit).Take(limit).Count(),
                ["total"] = skus.Count,
            };
            if ((page + 1) * limit < skus.Count) body["next"] = $"{root}?limit={limit}&offset={page + 1}";
            if (page > 0) body["prev"] = $"{root}?limit={limit}&offset={page - 1}";
            return Results.Json(body);
        }
    }

    /// <summary>deleteInventoryItem: the item and its offers go, a published one's listing ends.</summary>
    public async Task<IResult> DeleteItemAsync(HttpRequest request, string sku, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, new HashSet<string> { EbayScopes.Inventory }, ct);
        if (refused is not null) return refused;
        lock (inventory!.Gate)
        {
            if (!inventory.Items.Remove(sku)) return EbayInventoryErrors.NotFound();
            foreach (var offer in inventory.OffersOf(sku).ToList()) inventory.Offers.Remove(offer.OfferId);
            foreach (var group in inventory.GroupsOf(sku)) ((JsonArray)inventory.Groups[group]["variantSKUs"]!).RemoveAll(s => s?.GetValue<string>() == sku);
        }
        return Results.NoContent();
    }

    public async Task<IResult> PutGroupAsync(HttpRequest request, string key, CancellationToken ct)
    {
        if (!ValidSku().IsMatch(key)) return EbayInventoryErrors.InvalidValue("inventoryItemGroupKey");
        var (inventory, body, _, refused) = await caller.WriteAsync(request, languageRequired: true, ct);
        if (refused is not null) return refused;
        if (GroupProblem(body!) is { } problem) return problem;
        lock (inventory!.Gate) inventory.Groups[key] = body!;
        return Results.NoContent();
    }

    public async Task<IResult> GetGroupAsync(HttpRequest request, string key, CancellationToken ct)
    {
        var (inventory, refused) = await caller.SellerAsync(request, EbayScopes.InventoryRead, ct);
        if (refused is not null) return refused;
        lock (inventory!.Gate)
        {
            if (!inventory.Groups.TryGetValue(key, out var group)) return GroupNotFound(key);
            var json = (JsonObject)group.DeepClone();
            json["inventoryItemGroupKey"] = key;
            return Results.Json(json);
        }
    }

    public static IResult GroupNotFound(string key) =>
        EbayInventoryErrors.Error(404, 25705, $"The Inventory Item Group named {key} could not be found or is not available in the system.", parameters: ("inventoryItemGroupKey", key));

    public static IResult InvalidSku() =>
        EbayInventoryErrors.Error(400, 25707, "This is an invalid value for a SKU. Only alphanumeric characters can be used for SKUs, and their length must not exceed 50 characters");

    private static JsonObject ItemJson(EbaySandboxInventory inventory, string sku)
    {
        var json = (JsonObject)inventory.Items[sku].DeepClone();
        json["sku"] = sku;
        json["locale"] = inventory.Locales[sku];
        if (inventory.GroupsOf(sku) is { Count: > 0 } groups) json["groupIds"] = new JsonArray([.. groups.Select(g => (JsonNode)g)]);
        return json;
    }

    private static IResult? ItemProblem(JsonObject body)
    {
        if (body["availability"]?["shipToLocationAvailability"] is { } availability
            && (Integer(availability["quantity"], out var valid) is < 0 || !valid))
            return EbayInventoryErrors.InvalidValue("availability.shipToLocationAvailability.quantity");
        if (body["condition"] is { } condition && (Text(condition) is not { } named || !Conditions.Contains(named)))
            return EbayInventoryErrors.InvalidValue("condition");
        if (body["product"] is { } product)
        {
            if (product is not JsonObject) return EbayInventoryErrors.InvalidValue("product");
            if (Text(product["title"]) is { Length: > 80 })
                return EbayInventoryErrors.Error(400, 25080, "The value of the title field is invalid. Field must not exceed 80 characters.");
            if (product["aspects"] is { } aspects && !AspectsValid(aspects)) return EbayInventoryErrors.InvalidValue("product.aspects");
            if (product["imageUrls"] is { } images && !Strings(images, 24)) return EbayInventoryErrors.InvalidValue("product.imageUrls");
        }
        return null;
    }

    private static IResult? GroupProblem(JsonObject body)
    {
        if (body["variantSKUs"] is not { } skus || !Strings(skus, 250)) return EbayInventoryErrors.InvalidValue("variantSKUs");
        if (body["aspects"] is { } aspects && !AspectsValid(aspects)) return EbayInventoryErrors.InvalidValue("aspects");
        if (body["imageUrls"] is { } images && !Strings(images, 24)) return EbayInventoryErrors.InvalidValue("imageUrls");
        if (body["variesBy"]?["specifications"] is not JsonArray specifications
            || specifications.Any(s => Text(s?["name"]) is null || s?["values"] is not { } values || !Strings(values, 250)))
            return EbayInventoryErrors.InvalidValue("variesBy.specifications");
        return null;
    }

    /// <summary>The wire form ebay.md notes against the contract's <c>string</c>: aspect name → array of strings.</summary>
    private static bool AspectsValid(JsonNode aspects) =>
        aspects is JsonObject named && named.All(a => a.Value is { } values && Strings(values, 65));

    private static bool Strings(JsonNode node, int max) =>
        node is JsonArray array && array.Count <= max && array.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String);

    private static bool Paging(HttpRequest request, out int limit, out int page)
    {
        limit = 25;
        page = 0;
        return (!request.Query.TryGetValue("limit", out var l) || int.TryParse(l, out limit) && limit is >= 1 and <= 200)
               && (!request.Query.TryGetValue("offset", out var o) || int.TryParse(o, out page) && page >= 0);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,50}$")]
    private static partial Regex ValidSku();
}
