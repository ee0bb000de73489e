using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplaces.Amazon.Sandbox.Listings;

/// <summary>
/// The product types the emulator knows, each with the attributes its JSON Schema defines and those a LISTING
/// requires. A handful of Amazon's names (HOME, SHIRT, DRINKING_CUP, LUGGAGE, PRODUCT); their attribute lists are a
/// small, plausible subset written for the emulator, not Amazon's schemas. The schema served for each follows the
/// shape Amazon's have (arrays of objects carrying <c>marketplace_id</c>, text with <c>language_tag</c>).
/// </summary>
internal static class AmazonSandboxProductTypes
{
    public sealed record ProductType(string Name, string DisplayName, IReadOnlyList<string> Words, IReadOnlyList<string> Extra, IReadOnlyList<string> Required)
    {
        public IReadOnlyList<string> Attributes => [.. Common, .. Extra];
    }

    /// <summary>What every product type here defines: the listing's text, identity, offer, stock, images and variation links.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "item_name", "brand", "manufacturer", "product_description", "bullet_point", "condition_type", "externally_assigned_product_identifier",
        "supplier_declared_has_product_identifier_exemption", "part_number", "purchasable_offer", "fulfillment_availability", "item_package_weight",
        "item_package_dimensions", "main_product_image_locator", "other_product_image_locator_1", "other_product_image_locator_2",
        "other_product_image_locator_3", "other_product_image_locator_4", "other_product_image_locator_5", "other_product_image_locator_6",
        "other_product_image_locator_7", "other_product_image_locator_8", "parentage_level", "child_parent_sku_relationship", "variation_theme",
    ];

    /// <summary>What every LISTING requires (a parent, which is not sold itself, needs no offer, stock or identifier).</summary>
    public static readonly IReadOnlyList<string> CommonRequired = ["item_name", "brand", "product_description", "condition_type", "main_product_image_locator"];

    public static readonly IReadOnlyList<string> OfferRequired = ["purchasable_offer", "fulfillment_availability"];

    public static readonly IReadOnlyList<ProductType> All =
    [
        new("SHIRT", "Shirt", ["shirt", "t-shirt", "tee", "blouse"], ["size", "color", "department", "material"], ["department"]),
        new("DRINKING_CUP", "Drinking Cup", ["mug", "cup", "tumbler"], ["color", "material", "capacity"], ["material"]),
        new("LUGGAGE", "Luggage", ["luggage", "suitcase", "bag", "tote"], ["size", "color", "material"], []),
        new("HOME", "Home", ["vase", "apron", "linen", "candle", "pillow"], ["size", "color", "material"], []),
        new("PRODUCT", "Product", [], ["size", "color"], []),
    ];

    public static ProductType? Find(string? name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>searchDefinitionsProductTypes by item name: the types whose words the name has, PRODUCT when none.</summary>
    public static IReadOnlyList<ProductType> ForItemName(string itemName)
    {
        var words = itemName.ToLowerInvariant().Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries);
        var found = All.Where(p => p.Words.Any(w => words.Any(x => x.StartsWith(w, StringComparison.Ordinal)))).ToList();
        return found.Count > 0 ? found : [All[^1]];
    }

    /// <summary>The type's JSON Schema, as Amazon serves it from a link: its properties and what a LISTING requires.</summary>
    public static JsonObject Schema(ProductType type) => new()
    {
        ["$schema"] = "https://schemas.amazon.com/selling-partners/definitions/product-types/meta-schema/v1",
        ["$id"] = $"https://schemas.amazon.com/selling-partners/definitions/product-types/schema/v1/{type.Name}",
        ["title"] = $"Amazon Product Type Definition for {type.Name}",
        ["type"] = "object",
        ["required"] = new JsonArray([.. CommonRequired.Concat(OfferRequired).Concat(type.Required).Select(r => (JsonNode)r)]),
        ["properties"] = new JsonObject(type.Attributes.Select(a => KeyValuePair.Create(a, (JsonNode?)new JsonObject
        {
            ["title"] = a.Replace('_', ' '),
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "object", ["required"] = new JsonArray("marketplace_id") },
        }))),
    };

    public static string Checksum(ProductType type) => Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(Schema(type).ToJsonString())));
}
