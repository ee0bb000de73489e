using static Marketplaces.PrestaShop.Sandbox.Catalog.PrestaShopEntityRules;

namespace Marketplaces.PrestaShop.Sandbox.Catalog;

/// <summary>
/// The catalog resources a shop's webservice writes (prestashop.md §4): products, combinations, product options and
/// their values, and stock_availables, each with the fields a PrestaShop 8 class defines for it (a subset: the ones a
/// connector sends and reads) and their Validate:: rules.
/// </summary>
public static class PrestaShopCatalogResources
{
    public static readonly PrestaShopCatalogResource Products = new("products", "product", new PrestaShopEntityRules("Product",
    [
        Field("id_manufacturer", IsInt, @default: "0"), Field("id_category_default", IsInt, @default: "2"), Field("id_tax_rules_group", IsInt, @default: "0"),
        Field("reference", IsReference, maxLength: 64), Field("ean13", IsEan13, maxLength: 13), Field("upc", IsUpc, maxLength: 12), Field("mpn", IsReference, maxLength: 40),
        Field("price", IsPrice, required: true), Field("weight", IsUnsignedFloat, @default: "0"), Field("width", IsUnsignedFloat, @default: "0"),
        Field("height", IsUnsignedFloat, @default: "0"), Field("depth", IsUnsignedFloat, @default: "0"),
        Field("active", IsBool, @default: "0"), Field("state", IsBool, @default: "0"), Field("available_for_order", IsBool, @default: "1"), Field("show_price", IsBool, @default: "1"),
        Field("minimal_quantity", IsInt, @default: "1"), Field("visibility", OneOf("both", "catalog", "search", "none"), @default: "both"),
        Field("product_type", OneOf("standard", "combinations", "pack", "virtual"), @default: "standard"), Field("condition", OneOf("new", "used", "refurbished"), @default: "new"),
        Field("name", IsCatalogName, required: true, translated: true, maxLength: 128), Field("link_rewrite", IsLinkRewrite, required: true, translated: true, maxLength: 128),
        Field("description", IsCleanHtml, translated: true, maxLength: 21844), Field("description_short", IsCleanHtml, translated: true, maxLength: 21844),
        Field("date_add", readOnly: true), Field("date_upd", readOnly: true),
    ], ["categories"]),
        new Dictionary<string, string> { ["categories"] = "category", ["combinations"] = "combination", ["images"] = "image", ["stock_availables"] = "stock_available" });

    public static readonly PrestaShopCatalogResource Combinations = new("combinations", "combination", new PrestaShopEntityRules("Combination",
    [
        Field("id_product", IsInt, required: true), Field("reference", IsReference, maxLength: 64), Field("ean13", IsEan13, maxLength: 13), Field("upc", IsUpc, maxLength: 12),
        Field("price", IsNegativePrice, @default: "0"), Field("weight", IsUnsignedFloat, @default: "0"), Field("minimal_quantity", IsInt, required: true),
        Field("default_on", IsBool, @default: ""),
    ], ["product_option_values"]), new Dictionary<string, string> { ["product_option_values"] = "product_option_value" });

    public static readonly PrestaShopCatalogResource Options = new("product_options", "product_option", new PrestaShopEntityRules("AttributeGroup",
    [
        Field("is_color_group", IsBool, @default: "0"), Field("group_type", OneOf("select", "radio", "color"), required: true),
        Field("position", IsInt, @default: "0"), Field("name", IsCatalogName, required: true, translated: true, maxLength: 128),
        Field("public_name", IsCatalogName, required: true, translated: true, maxLength: 64),
    ], []), new Dictionary<string, string>());

    public static readonly PrestaShopCatalogResource OptionValues = new("product_option_values", "product_option_value", new PrestaShopEntityRules("Attribute",
    [
        Field("id_attribute_group", IsInt, required: true), Field("color", maxLength: 32), Field("position", IsInt, @default: "0"),
        Field("name", IsCatalogName, required: true, translated: true, maxLength: 128),
    ], []), new Dictionary<string, string>());

    public static readonly PrestaShopCatalogResource Stock = new("stock_availables", "stock_available", new PrestaShopEntityRules("StockAvailable",
    [
        Field("id_product", IsInt, required: true), Field("id_product_attribute", IsInt, required: true), Field("id_shop", IsInt, @default: "1"),
        Field("id_shop_group", IsInt, @default: "0"), Field("quantity", v => int.TryParse(v, out _), required: true),
        Field("depends_on_stock", IsBool, required: true), Field("out_of_stock", OneOf("0", "1", "2"), required: true),
    ], []), new Dictionary<string, string>());
}

/// <summary>A catalog resource: its names, its rules, and how its associations print (categories → category).</summary>
public sealed record PrestaShopCatalogResource(string Plural, string Singular, PrestaShopEntityRules Rules, IReadOnlyDictionary<string, string> Items)
{
    public IReadOnlyList<string> Fields { get; } = [.. Rules.Fields.Select(f => f.Name)];
}
