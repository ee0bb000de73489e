using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// bulkUpdatePriceQuantity (sell_inventory_v1_oas3.json): up to 25 requests, each an inventory item's ship-to-home
/// quantity and/or its published offers' available quantity. Answered per SKU and offer (200, or 207 when any was
/// refused), with eBay's error ids: 25702 for an unknown SKU, 25713 for an unknown offer, 25709 for a bad value or an
/// offer of another SKU, and the contract's note that unpublished offers are updated with updateOffer instead.
/// </summary>
internal sealed class EbayBulkPriceQuantityEndpoint(EbayInventoryCaller caller)
{
    private const int MaxRequests = 25;

    public async Task<IResult> UpdateAsync(HttpRequest request, CancellationToken ct)
    {
        var (inventory, body, _, refused) = await caller.WriteAsync(request, languageRequired: false, ct);
        if (refused is not null) return refused;
        if (body!["requests"] is not JsonArray requests || requests.Count is 0 or > MaxRequests || requests.Any(r => r is not JsonObject))
            return EbayInventoryErrors.InvalidValue("requests");
        var responses = new JsonArray();
        lock (inventory!.Gate)
        {
            foreach (var entry in requests.Cast<JsonObject>())
            {
                var sku = Text(entry["sku"]);
                if (entry["shipToLocationAvailability"] is { } availability)
                {
                    responses.Add(Quantity(availability["quantity"]) is not { } quantity ? Response(sku, null, 400, 25709, "Invalid value for quantity.")
                        : sku is null || !inventory.Items.TryGetValue(sku, out var item) ? Response(sku, null, 400, 25702, $"{sku} could not be found or is not available in the system.")
                        : Set(item, quantity, sku));
                }
                foreach (var offer in (entry["offers"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var offerId = Text(offer["offerId"]);
                    responses.Add(offerId is null || !inventory.Offers.TryGetValue(offerId, out var held) ? Response(sku, offerId, 404, 25713, "This Offer is not available.")
                        : sku is not null && held.Sku != sku ? Response(sku, offerId, 400, 25709, "Invalid value for offerId. The offer belongs to another SKU.")
                        : !held.Published ? Response(held.Sku, offerId, 400, 25002, "A user error has occurred. The offer is not published: use updateOffer.")
                        : Quantity(offer["availableQuantity"]) is not { } available ? Response(held.Sku, offerId, 400, 25709, "Invalid value for availableQuantity.")
                        : SetOffer(held, available));
                }
            }
        }
        var allDone = responses.All(r => r!["statusCode"]!.GetValue<int>() == 200);
        return Results.Json(new JsonObject { ["responses"] = responses }, statusCode: allDone ? 200 : 207);
    }

    private static JsonObject Set(JsonObject item, int quantity, string sku)
    {
        item["availability"] = new JsonObject { ["shipToLocationAvailability"] = new JsonObject { ["quantity"] = quantity } };
        return Response(sku, null, 200, 0, "");
    }

    private static JsonObject SetOffer(EbaySandboxOffer offer, int quantity)
    {
        offer.Body["availableQuantity"] = quantity;
        return Response(offer.Sku, offer.OfferId, 200, 0, "");
    }

    private static JsonObject Response(string? sku, string? offerId, int status, int errorId, string message)
    {
        var response = new JsonObject { ["statusCode"] = status };
        if (sku is not null) response["sku"] = sku;
        if (offerId is not null) response["offerId"] = offerId;
        if (status != 200)
            response["errors"] = new JsonArray(new JsonObject { ["errorId"] = errorId, ["domain"] = "API_INVENTORY", ["category"] = "REQUEST", ["message"] = message });
        return response;
    }

    /// <summary>A whole number of at least 0 sent as a JSON number (eBay refuses a quantity as text).</summary>
    private static int? Quantity(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var n) && n >= 0 ? n : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
