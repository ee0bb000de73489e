namespace Marketplaces.PrestaShop.Sandbox.Catalog;

/// <summary>
/// What a fresh PrestaShop 8 install has for a catalog to point at: its languages (English default, French), its
/// categories (Root 1, Home 2 and the demo tree's Clothes, Accessories, Home accessories) and its tax rule groups.
/// </summary>
public static class PrestaShopCatalogReferenceData
{
    public static PrestaShopResourceTable Languages(PrestaShopSandboxShop shop) => new("languages", "language",
        ["name", "iso_code", "locale", "language_code", "active", "is_rtl", "date_format_lite", "date_format_full"], _ => LanguageRows, shop);

    public static PrestaShopResourceTable Categories(PrestaShopSandboxShop shop) => new("categories", "category",
        ["id_parent", "level_depth", "active", "is_root_category", "position", "name", "link_rewrite"], _ => CategoryRows, shop);

    public static PrestaShopResourceTable TaxRuleGroups(PrestaShopSandboxShop shop) => new("tax_rule_groups", "tax_rule_group",
        ["name", "active", "deleted"], _ => TaxRuleGroupRows, shop);

    public static bool IsCategory(string id) => CategoryRows.Any(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == id);

    public static bool IsTaxRuleGroup(string id) => id == "0" || TaxRuleGroupRows.Any(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == id);

    private static readonly IReadOnlyList<PrestaShopRow> LanguageRows =
    [
        new(1, new Dictionary<string, string> { ["name"] = "English (English)", ["iso_code"] = "en", ["locale"] = "en-US", ["language_code"] = "en-us", ["active"] = "1", ["is_rtl"] = "0", ["date_format_lite"] = "m/d/Y", ["date_format_full"] = "m/d/Y H:i:s" }),
        new(2, new Dictionary<string, string> { ["name"] = "Français (French)", ["iso_code"] = "fr", ["locale"] = "fr-FR", ["language_code"] = "fr-fr", ["active"] = "1", ["is_rtl"] = "0", ["date_format_lite"] = "d/m/Y", ["date_format_full"] = "d/m/Y H:i:s" }),
    ];

    private static readonly IReadOnlyList<PrestaShopRow> CategoryRows =
    [
        Category(1, 0, 0, "Root", "Racine", "root", "racine"), Category(2, 1, 1, "Home", "Accueil", "home", "accueil"),
        Category(3, 2, 2, "Clothes", "Vêtements", "clothes", "vetements"), Category(6, 2, 2, "Accessories", "Accessoires", "accessories", "accessoires"),
        Category(8, 6, 3, "Home Accessories", "Accessoires de maison", "home-accessories", "accessoires-de-maison"),
    ];

    private static readonly IReadOnlyList<PrestaShopRow> TaxRuleGroupRows =
    [
        new(1, new Dictionary<string, string> { ["name"] = "FR Taux standard (20%)", ["active"] = "1", ["deleted"] = "0" }),
        new(2, new Dictionary<string, string> { ["name"] = "FR Taux réduit (10%)", ["active"] = "1", ["deleted"] = "0" }),
        new(3, new Dictionary<string, string> { ["name"] = "FR Taux super réduit (5.5%)", ["active"] = "1", ["deleted"] = "0" }),
    ];

    private static PrestaShopRow Category(int id, int parent, int depth, string en, string fr, string enLink, string frLink) => new(id, new Dictionary<string, string>
    {
        ["id_parent"] = $"{parent}", ["level_depth"] = $"{depth}", ["active"] = "1", ["is_root_category"] = id == 2 ? "1" : "0", ["position"] = "0",
    })
    {
        Translations = new Dictionary<string, IReadOnlyDictionary<int, string>>
        {
            ["name"] = new Dictionary<int, string> { [1] = en, [2] = fr },
            ["link_rewrite"] = new Dictionary<int, string> { [1] = enLink, [2] = frLink },
        },
    };
}
