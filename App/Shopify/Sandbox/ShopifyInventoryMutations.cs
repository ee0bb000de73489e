using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// <c>inventorySetQuantities</c> as of the app's API version (shopify.md §5.4, ≥ 2026-04): the <c>@idempotent(key:)</c>
/// directive required, a key reused with other variables refused (IDEMPOTENCY_KEY_PARAMETER_MISMATCH) and with the same
/// answered as before; <c>changeFromQuantity</c> required on every quantity (null skips the check, a stale value is
/// CHANGE_FROM_QUANTITY_STALE); the item tracked and stocked at the shop's location. All or nothing.
/// </summary>
internal static class ShopifyInventoryMutations
{
    private static readonly string[] Names = ["available", "on_hand"];

    public static JsonObject SetQuantities(ShopifySandboxShop shop, string? idempotencyKey, JsonObject input, DateTimeOffset now)
    {
        if (idempotencyKey is null) throw new FormatException("The @idempotent directive is required for this mutation.");
        lock (shop.Gate)
        {
            var sent = input.ToJsonString();
            if (shop.Idempotent.TryGetValue(idempotencyKey, out var earlier))
                return earlier.Input == sent ? (JsonObject)earlier.Answer.DeepClone() : Payload(null, Error(["input"], "The idempotency key was used with other parameters.", "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"));
            var answer = Apply(shop, input, now);
            shop.Idempotent[idempotencyKey] = (sent, (JsonObject)answer.DeepClone());
            return answer;
        }
    }

    private static JsonObject Apply(ShopifySandboxShop shop, JsonObject input, DateTimeOffset now)
    {
        var name = input["name"]?.GetValue<string>() ?? "";
        if (!Names.Contains(name)) return Payload(null, Error(["input", "name"], "The quantity name must be available or on_hand.", "INVALID_NAME"));
        var reason = input["reason"]?.GetValue<string>() ?? "";
        var quantities = input["quantities"] as JsonArray ?? [];
        var errors = new JsonArray();
        var changes = new List<(ShopifySandboxVariant Variant, int Quantity)>();
        for (var i = 0; i < quantities.Count; i++)
        {
            var entry = quantities[i]!.AsObject();
            var item = long.TryParse(ShopifyGid.IdOf(entry["inventoryItemId"]?.GetValue<string>(), "InventoryItem"), out var itemId) ? itemId : 0;
            var variant = shop.Products.SelectMany(p => p.Variants).FirstOrDefault(v => v.InventoryItemId == item);
            var quantity = entry["quantity"]!.GetValue<int>();
            if (variant is null) errors.Add(ItemError(i, "inventoryItemId", "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
            else if (ShopifyGid.IdOf(entry["locationId"]?.GetValue<string>(), "Location") != shop.LocationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                errors.Add(ItemError(i, "locationId", "The specified location could not be found.", "INVALID_LOCATION"));
            else if (!variant.Tracked) errors.Add(ItemError(i, "inventoryItemId", "The inventory item is not tracked.", "NON_TRACKED_ITEM"));
            else if (!entry.ContainsKey("changeFromQuantity"))
                errors.Add(ItemError(i, "changeFromQuantity", "changeFromQuantity is required; pass null to skip the check.", "CHANGE_FROM_QUANTITY_REQUIRED"));
            else if (entry["changeFromQuantity"] is JsonValue expected && expected.GetValue<int>() != variant.Quantity)
                errors.Add(ItemError(i, "changeFromQuantity", "The quantity changed since it was read.", "CHANGE_FROM_QUANTITY_STALE"));
            else changes.Add((variant, quantity));
        }
        if (errors.Count > 0) return Payload(null, errors);
        var applied = new JsonArray();
        foreach (var (variant, quantity) in changes)
        {
            applied.Add(new JsonObject { ["name"] = name, ["delta"] = quantity - variant.Quantity, ["quantityAfterChange"] = quantity });
            variant.Quantity = quantity;
        }
        foreach (var product in shop.Products.Where(p => p.Variants.Any(v => changes.Any(c => c.Variant == v)))) product.UpdatedAt = now;
        return Payload(new JsonObject { ["createdAt"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ"), ["reason"] = reason, ["changes"] = applied }, []);
    }

    private static JsonObject ItemError(int index, string field, string message, string code) =>
        new() { ["field"] = new JsonArray("input", "quantities", index.ToString(System.Globalization.CultureInfo.InvariantCulture), field), ["message"] = message, ["code"] = code };

    private static JsonArray Error(string[] field, string message, string code) =>
        [new JsonObject { ["field"] = new JsonArray(field.Select(f => (JsonNode)JsonValue.Create(f)!).ToArray()), ["message"] = message, ["code"] = code }];

    private static JsonObject Payload(JsonObject? group, JsonArray errors) => new() { ["inventoryAdjustmentGroup"] = group, ["userErrors"] = errors };
}
