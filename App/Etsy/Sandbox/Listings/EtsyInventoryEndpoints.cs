using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.Etsy.Sandbox.Listings;

/// <summary>
/// getListingInventory and updateListingInventory (etsy.md "Publish a product"): the whole inventory replaced, JSON,
/// each offering with a price (a JSON number of at least 0.20), a quantity (0–999), is_enabled and the shop's
/// processing profile; at most two variation properties; values without parentheses, as the spec says.
/// </summary>
internal sealed class EtsyInventoryEndpoints(EtsyApiGate gate, EtsySandboxListings listings)
{
    public async Task<IResult> GetAsync(HttpRequest request, long listing_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeAsync(request, "listings_r", ct);
        if (error is not null) return error;
        var shop = listings.Shop(grant!.ShopId);
        lock (shop.Gate)
            return shop.Listings.TryGetValue(listing_id, out var listing) ? Results.Json(EtsyListingJson.Inventory(listing)) : EtsyListingEndpoints.NotFound(listing_id);
    }

    public async Task<IResult> UpdateAsync(HttpRequest request, long listing_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeAsync(request, "listings_w", ct);
        if (error is not null) return error;
        if (!request.HasJsonContentType()) return EtsyListingEndpoints.Refused("The request body must be application/json.");
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body?["products"] is not JsonArray { Count: > 0 } products) return EtsyListingEndpoints.Refused("products must be a non-empty array.");
        var shop = listings.Shop(grant!.ShopId);
        lock (shop.Gate)
        {
            if (!shop.Listings.TryGetValue(listing_id, out var listing)) return EtsyListingEndpoints.NotFound(listing_id);
            var read = new List<EtsySandboxProduct>();
            foreach (var product in products)
            {
                var (parsed, problem) = Product(product as JsonObject, shop);
                if (problem is not null) return EtsyListingEndpoints.Refused(problem);
                read.Add(parsed!);
            }
            if (read.SelectMany(p => p.PropertyValues).Select(v => v.PropertyId).Distinct().Count() > 2)
                return EtsyListingEndpoints.Refused("A listing can vary by at most two properties.");
            listing.Products = read;
            listing.PriceOnProperty = Ids(body["price_on_property"]);
            listing.QuantityOnProperty = Ids(body["quantity_on_property"]);
            listing.SkuOnProperty = Ids(body["sku_on_property"]);
            return Results.Json(EtsyListingJson.Inventory(listing));
        }
    }

    private (EtsySandboxProduct? Product, string? Problem) Product(JsonObject? product, EtsySandboxShopListings shop)
    {
        if (product?["offerings"] is not JsonArray { Count: > 0 } offerings) return (null, "Each product needs offerings.");
        var read = new List<EtsySandboxOffering>();
        foreach (var offering in offerings)
        {
            if (offering?["price"] is not JsonValue price || price.GetValueKind() != JsonValueKind.Number || price.GetValue<decimal>() < 0.20m)
                return (null, "Each offering's price must be a number of at least 0.20.");
            if (offering["quantity"] is not JsonValue quantity || !quantity.TryGetValue<int>(out var q) || q is < 0 or > 999)
                return (null, "Each offering's quantity must be an integer from 0 to 999.");
            if (offering["is_enabled"] is not JsonValue enabled || enabled.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                return (null, "Each offering needs is_enabled.");
            if (offering["readiness_state_id"] is not JsonValue readiness || !readiness.TryGetValue<long>(out var state) || state != shop.ReadinessStateId)
                return (null, "Each offering needs the readiness_state_id of one of the shop's processing profiles.");
            read.Add(new EtsySandboxOffering(listings.NextProductId(), price.GetValue<decimal>(), q, enabled.GetValue<bool>(), state));
        }
        var values = new List<EtsySandboxPropertyValue>();
        foreach (var value in product["property_values"] as JsonArray ?? [])
        {
            if (value?["property_id"] is not JsonValue id || !id.TryGetValue<long>(out var propertyId) || value["values"] is not JsonArray { Count: > 0 } texts)
                return (null, "Each property value needs property_id, value_ids and values.");
            var strings = texts.Select(t => t?.GetValue<string>() ?? "").ToList();
            if (strings.Any(t => t.Contains('(') || t.Contains(')'))) return (null, "Property values may not contain parentheses.");
            values.Add(new EtsySandboxPropertyValue(propertyId, value["property_name"]?.GetValue<string>(), Ids(value["value_ids"]), strings));
        }
        return (new EtsySandboxProduct(listings.NextProductId(), product["sku"]?.GetValue<string>() ?? "", values, read), null);
    }

    private static List<long> Ids(JsonNode? node) =>
        node is JsonArray array ? array.Select(v => v is JsonValue value && value.TryGetValue<long>(out var id) ? id : 0).Where(id => id > 0).ToList() : [];
}
