using System.Globalization;

namespace Marketplaces.WooCommerce.Sandbox.Listings;

/// <summary>Products and variations as wc/v3 answers them (the fields the sheet names, and the read-only ones around them).</summary>
public static class WooCommerceProductJson
{
    public static object Product(WooCommerceSandboxProduct p, IReadOnlyDictionary<long, WooCommerceSandboxMedia> media, string home) => new
    {
        id = p.Id,
        name = p.Name,
        slug = p.Slug,
        permalink = Permalink(home, p.Slug),
        date_created_gmt = Time(p.Created),
        date_modified_gmt = Time(p.Modified),
        type = p.Type,
        status = p.Status,
        sku = p.Sku,
        price = p.Type == "variable" ? p.Variations.Select(v => v.RegularPrice).Where(x => x.Length > 0).MinBy(Number) ?? "" : p.RegularPrice,
        regular_price = p.Type == "variable" ? "" : p.RegularPrice,
        sale_price = "",
        description = p.Description,
        short_description = "",
        manage_stock = p.ManageStock,
        stock_quantity = p.ManageStock ? p.StockQuantity : null,
        stock_status = StockStatus(p.ManageStock, p.StockQuantity),
        weight = p.Weight,
        dimensions = new { length = p.Dimensions.Length, width = p.Dimensions.Width, height = p.Dimensions.Height },
        categories = p.CategoryIds.Select(id => WooCommerceSandboxProducts.Categories.First(c => c.Id == id)).Select(c => new { id = c.Id, name = c.Name, slug = c.Slug }).ToList(),
        images = p.ImageIds.Where(media.ContainsKey).Select((id, i) => Image(media[id], home)).ToList(),
        attributes = p.Attributes.Select((a, i) => new { id = 0, name = a.Name, position = i, visible = a.Visible, variation = a.Variation, options = a.Options }).ToList(),
        variations = p.Variations.Select(v => v.Id).ToList(),
    };

    public static object Variation(WooCommerceSandboxProduct parent, WooCommerceSandboxVariation v, IReadOnlyDictionary<long, WooCommerceSandboxMedia> media, string home) => new
    {
        id = v.Id,
        permalink = Permalink(home, parent.Slug) + "?" + string.Join("&", v.Attributes.Select(a => $"attribute_{Uri.EscapeDataString(a.Name.ToLowerInvariant())}={Uri.EscapeDataString(a.Option)}")),
        sku = v.Sku,
        price = v.RegularPrice,
        regular_price = v.RegularPrice,
        sale_price = "",
        status = "publish",
        manage_stock = v.ManageStock,
        stock_quantity = v.ManageStock ? v.StockQuantity : null,
        stock_status = StockStatus(v.ManageStock, v.StockQuantity),
        image = v.ImageId is { } id && media.TryGetValue(id, out var image) ? Image(image, home) : null,
        attributes = v.Attributes.Select(a => new { id = 0, name = a.Name, option = a.Option }).ToList(),
    };

    public static string Permalink(string home, string slug) => $"{home}/product/{slug}/";

    private static object Image(WooCommerceSandboxMedia image, string home) =>
        new { id = image.Id, src = $"{home}/wp-content/uploads/2026/12/{image.Id}{Marketplaces.Products.ProductImageFormats.ExtensionOf(image.ContentType)}", name = image.Name, alt = "" };

    private static string StockStatus(bool managed, int? quantity) => managed && quantity <= 0 ? "outofstock" : "instock";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static decimal Number(string price) => decimal.TryParse(price, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
