using System.Globalization;

namespace Marketplaces.PrestaShop.Sandbox.Catalog;

/// <summary>
/// The shop's catalog as its webservice writes and reads it: one table of entities per resource, ids counting from a
/// fresh install's, the images of each product, everything under <see cref="Gate"/>. Creating a product or a
/// combination creates its stock_available row (quantity 0, prestashop.md §4.1); a product with combinations has as
/// product-level stock the sum of theirs.
/// </summary>
public sealed class PrestaShopSandboxCatalog(TimeProvider clock)
{
    private readonly Dictionary<string, Dictionary<int, PrestaShopEntity>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal) { ["products"] = 20, ["combinations"] = 100, ["product_options"] = 10, ["product_option_values"] = 50, ["stock_availables"] = 200, ["images"] = 30 };

    public object Gate { get; } = new();

    /// <summary>Each product's images in order: id and size in bytes.</summary>
    public Dictionary<int, List<(int Id, int Bytes)>> Images { get; } = [];

    public Dictionary<int, PrestaShopEntity> Table(string plural)
    {
        if (!_tables.TryGetValue(plural, out var table)) _tables[plural] = table = [];
        return table;
    }

    public int NextId(string plural) => _next[plural]++;

    public PrestaShopRowSource Rows(PrestaShopCatalogResource resource) => _ =>
    {
        lock (Gate) return Table(resource.Plural).Values.OrderBy(e => e.Id).Select(e => e.Row(resource.Fields, resource.Items)).ToList();
    };

    public string Now() => PrestaShopSandboxShop.Time.Local(clock.GetUtcNow());

    /// <summary>A new stock row for a product or one of its combinations, linked from the product.</summary>
    public void AddStock(PrestaShopEntity product, int combination)
    {
        var stock = new PrestaShopEntity(NextId("stock_availables"));
        foreach (var (field, value) in new[] { ("id_product", product.Id), ("id_product_attribute", combination), ("id_shop", 1), ("id_shop_group", 0), ("quantity", 0), ("depends_on_stock", 0), ("out_of_stock", 2) })
            stock.Values[field] = value.ToString(CultureInfo.InvariantCulture);
        Table("stock_availables")[stock.Id] = stock;
        Link(product);
    }

    /// <summary>Brings a product's read-only associations (combinations, images, stock rows) and its product-level stock up to date.</summary>
    public void Link(PrestaShopEntity product)
    {
        var id = product.Id.ToString(CultureInfo.InvariantCulture);
        var combinations = Table("combinations").Values.Where(c => c["id_product"] == id).OrderBy(c => c.Id).ToList();
        var stock = Table("stock_availables").Values.Where(s => s["id_product"] == id).OrderBy(s => s.Id).ToList();
        product.Associations["combinations"] = combinations.Select(c => new Dictionary<string, string> { ["id"] = Text(c.Id) }).ToList();
        product.Associations["images"] = Images.GetValueOrDefault(product.Id, []).Select(i => new Dictionary<string, string> { ["id"] = Text(i.Id) }).ToList();
        product.Associations["stock_availables"] = stock.Select(s => new Dictionary<string, string> { ["id"] = Text(s.Id), ["id_product_attribute"] = s["id_product_attribute"] }).ToList();
        if (combinations.Count > 0 && stock.FirstOrDefault(s => s["id_product_attribute"] == "0") is { } total)
            total.Values["quantity"] = Text(stock.Where(s => s["id_product_attribute"] != "0").Sum(s => int.Parse(s["quantity"], CultureInfo.InvariantCulture)));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
