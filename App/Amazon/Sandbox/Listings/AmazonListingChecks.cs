using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.Amazon.Sandbox.Listings;

/// <summary>
/// A submission's attributes against its product type (what putListingsItem answers INVALID for, with ERROR issues):
/// every attribute one the type defines, each an array of objects for one of the request's marketplaces (stock is per
/// fulfillment channel, without one), an offer
/// whose price is a number, stock as an integer, what a LISTING requires present (a parent, not sold itself, needs no
/// offer, stock or identifier), a child's parent known and the parent's variation theme's attributes given. The
/// "is required but not supplied" wording and its code 90220 are Amazon's (from memory); the other codes are the
/// emulator's own.
/// </summary>
internal static class AmazonListingChecks
{
    public static List<JsonObject> Issues(AmazonSandboxProductTypes.ProductType type, JsonObject attributes, IReadOnlyCollection<string> marketplaceIds,
        Func<string, JsonObject?> parentAttributes)
    {
        var issues = new List<JsonObject>();
        foreach (var (name, value) in attributes)
        {
            if (!type.Attributes.Contains(name))
                issues.Add(Error("90244", $"'{name}' is not an attribute of product type {type.Name}.", name, "INVALID_ATTRIBUTE"));
            else if (value is not JsonArray { Count: > 0 } values || values.Any(v => v is not JsonObject entry
                         || name != "fulfillment_availability" && !marketplaceIds.Contains(Text(entry["marketplace_id"]) ?? "")))
                issues.Add(Error("90245", $"'{name}' must be an array of objects, each with the marketplace_id of a marketplace in the request.", name, "INVALID_ATTRIBUTE"));
        }
        if (issues.Count > 0) return issues;

        var parent = Text(attributes["parentage_level"]?[0]?["value"]) == "parent";
        var required = AmazonSandboxProductTypes.CommonRequired.Concat(type.Required).Concat(parent ? [] : AmazonSandboxProductTypes.OfferRequired);
        foreach (var name in required.Where(r => attributes[r] is null))
            issues.Add(Error("90220", $"'{name}' is required but not supplied.", name, "MISSING_ATTRIBUTE"));
        if (!parent && attributes["externally_assigned_product_identifier"] is null && attributes["supplier_declared_has_product_identifier_exemption"] is null)
            issues.Add(Error("90220", "'externally_assigned_product_identifier' is required but not supplied.", "externally_assigned_product_identifier", "MISSING_ATTRIBUTE"));
        foreach (var offer in attributes["purchasable_offer"] as JsonArray ?? [])
        {
            var price = offer?["our_price"]?[0]?["schedule"]?[0]?["value_with_tax"];
            if (price is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || number.GetValue<decimal>() <= 0)
                issues.Add(Error("90246", "'purchasable_offer' needs our_price[0].schedule[0].value_with_tax as a number above 0.", "purchasable_offer", "INVALID_ATTRIBUTE"));
        }
        foreach (var availability in attributes["fulfillment_availability"] as JsonArray ?? [])
        {
            if (availability?["quantity"] is not JsonValue quantity || !quantity.TryGetValue<int>(out var q) || q < 0 || Text(availability["fulfillment_channel_code"]) is null)
                issues.Add(Error("90246", "'fulfillment_availability' needs a fulfillment_channel_code and a quantity of 0 or more.", "fulfillment_availability", "INVALID_ATTRIBUTE"));
        }
        if (Text(attributes["child_parent_sku_relationship"]?[0]?["parent_sku"]) is { } parentSku)
        {
            if (parentAttributes(parentSku) is not { } parentOf)
                issues.Add(Error("90247", $"The parent SKU '{parentSku}' does not exist.", "child_parent_sku_relationship", "INVALID_ATTRIBUTE"));
            else
            {
                var theme = Text(parentOf["variation_theme"]?[0]?["name"]) ?? "";
                foreach (var dimension in theme.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(d => d.ToLowerInvariant()).Where(d => attributes[d] is null))
                    issues.Add(Error("90220", $"'{dimension}' is required but not supplied.", dimension, "MISSING_ATTRIBUTE"));
            }
        }
        return issues;
    }

    public static JsonObject Error(string code, string message, string attribute, string category) => new()
    {
        ["code"] = code, ["message"] = message, ["severity"] = "ERROR",
        ["attributeNames"] = new JsonArray(attribute), ["categories"] = new JsonArray(category),
    };

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
