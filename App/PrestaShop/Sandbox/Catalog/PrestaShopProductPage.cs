using System.Globalization;
using System.Net;

namespace Marketplaces.PrestaShop.Sandbox.Catalog;

/// <summary>
/// The shop's product page (<c>index.php?id_product=…&amp;controller=product</c>): its name, and the price and stock of
/// each combination (or the product's own), prices tax excluded; an inactive product is no longer available.
/// </summary>
public sealed class PrestaShopProductPage(PrestaShopSandboxCatalog catalog)
{
    public IResult Show(string? controller, int? id_product)
    {
        lock (catalog.Gate)
        {
            if (controller != "product" || id_product is not { } id || !catalog.Table("products").TryGetValue(id, out var product))
                return Html("<h1>Page not found</h1>", 404, "Page not found");
            var name = product.Translations.GetValueOrDefault("name")?.GetValueOrDefault(PrestaShopEntityRules.DefaultLanguage) ?? "";
            if (product["active"] != "1") return Html($"<h1>{Encode(name)}</h1><p class=\"unavailable\">This product is no longer available.</p>", 200, name);
            var key = id.ToString(CultureInfo.InvariantCulture);
            var stock = catalog.Table("stock_availables").Values.Where(s => s["id_product"] == key).ToDictionary(s => s["id_product_attribute"], s => s["quantity"]);
            var basePrice = decimal.Parse(product["price"], CultureInfo.InvariantCulture);
            var combinations = catalog.Table("combinations").Values.Where(c => c["id_product"] == key).OrderBy(c => c.Id).ToList();
            var rows = combinations.Count == 0
                ? [(product["reference"], basePrice, stock.GetValueOrDefault("0", "0"))]
                : combinations.Select(c => (c["reference"], basePrice + decimal.Parse(c["price"], CultureInfo.InvariantCulture), stock.GetValueOrDefault(c.Id.ToString(CultureInfo.InvariantCulture), "0"))).ToList();
            var table = string.Concat(rows.Select(r => $"<tr data-sku=\"{Encode(r.Item1)}\"><td class=\"price\">{r.Item2.ToString("0.00", CultureInfo.InvariantCulture)}</td><td class=\"quantity\">{r.Item3}</td></tr>"));
            return Html($"<h1 class=\"product-title\">{Encode(name)}</h1><table class=\"combinations\">{table}</table><div class=\"images\">{catalog.Images.GetValueOrDefault(id, []).Count} images</div>", 200, name);
        }
    }

    private static IResult Html(string body, int status, string title) => Results.Content(
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body>{body}</body></html>", "text/html; charset=utf-8", statusCode: status);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
