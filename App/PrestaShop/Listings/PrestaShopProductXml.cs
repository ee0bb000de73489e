using System.Globalization;
using System.Xml.Linq;
using Marketplaces.Products;
using Marketplaces.Products.Listings;

namespace Marketplaces.PrestaShop.Listings;

/// <summary>
/// A catalog product as the webservice's product and combination documents (prestashop.md §4.1): the fields the
/// minimal working product has, texts in each language written, <c>state</c> 1 so it is not a temporary product,
/// prices tax excluded with a variant's price as its combination's impact on the lowest.
/// </summary>
internal sealed class PrestaShopProductXml(ListingDraft draft, IReadOnlyList<string> languages)
{
    public ListingDraft Draft => draft;

    public XElement Product(string? id, decimal basePrice)
    {
        var product = draft.Product;
        var category = draft.Setting(PrestaShopChannelSettings.Category, "2");
        var gtin = product.Gtin;
        return new XElement("product",
            id is null ? null : new XElement("id", id),
            new XElement("id_category_default", category),
            new XElement("id_tax_rules_group", draft.Setting(PrestaShopChannelSettings.TaxRulesGroup, "0")),
            new XElement("reference", product.Sku),
            gtin is { Length: 13 } ? new XElement("ean13", gtin) : null,
            gtin is { Length: 12 } ? new XElement("upc", gtin) : null,
            product.Mpn is { Length: > 0 } mpn ? new XElement("mpn", mpn) : null,
            new XElement("price", Price(basePrice)),
            new XElement("weight", Number((product.WeightGrams ?? 0) / 1000m)),
            new XElement("width", Number(product.WidthCm ?? 0)), new XElement("height", Number(product.HeightCm ?? 0)), new XElement("depth", Number(product.LengthCm ?? 0)),
            new XElement("active", draft.Setting(PrestaShopChannelSettings.Active, "1")),
            new XElement("state", "1"), new XElement("available_for_order", "1"), new XElement("show_price", "1"),
            new XElement("minimal_quantity", "1"), new XElement("visibility", "both"),
            new XElement("product_type", product.HasVariants ? "combinations" : "standard"),
            new XElement("condition", product.Condition switch
            {
                ProductCondition.New or ProductCondition.NewOther => "new",
                ProductCondition.Refurbished => "refurbished",
                _ => "used",
            }),
            Translated("name", product.Title),
            Translated("link_rewrite", LinkRewrite(product.Title)),
            Translated("description", product.Description),
            new XElement("associations", new XElement("categories", new XElement("category", new XElement("id", category)))));
    }

    public XElement Combination(string? id, string productId, ProductVariant variant, decimal basePrice, IReadOnlyList<string> optionValueIds) =>
        new("combination",
            id is null ? null : new XElement("id", id),
            new XElement("id_product", productId),
            new XElement("reference", variant.Sku),
            variant.Gtin is { Length: 13 } gtin ? new XElement("ean13", gtin) : null,
            new XElement("price", Price(variant.Price - basePrice)),
            new XElement("minimal_quantity", "1"),
            new XElement("associations", new XElement("product_option_values",
                optionValueIds.Select(v => new XElement("product_option_value", new XElement("id", v))))));

    private XElement Translated(string field, string text) =>
        new(field, languages.Select(l => new XElement("language", new XAttribute("id", l), new XCData(text))));

    /// <summary>Validate::isLinkRewrite: letters, digits and dashes ("Linen apron" → linen-apron).</summary>
    public static string LinkRewrite(string title)
    {
        var slug = string.Join('-', new string(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())
            .Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 0 ? slug[..Math.Min(slug.Length, 128)] : "product";
    }

    private static string Price(decimal value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
