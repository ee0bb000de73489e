using System.Text;

namespace Marketplaces.Products;

/// <summary>
/// The variants a product's options call for: one per combination of values, in the options' order. A combination that
/// already has a variant keeps it (SKU, price, quantity, image); a new one gets the product's SKU with its values
/// appended, the product's price and no stock.
/// </summary>
public static class VariantCombinations
{
    public static List<ProductVariant> For(Product product)
    {
        var options = product.Options.Where(o => o.Values.Count > 0).ToList();
        if (options.Count == 0) return [];
        var existing = product.Variants.GroupBy(Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        IEnumerable<List<string>> combinations = [[]];
        foreach (var option in options) combinations = combinations.SelectMany(c => option.Values.Select(v => new List<string>(c) { v }));
        return combinations.Select((values, i) =>
        {
            var variant = existing.GetValueOrDefault(Key(values)) ?? new ProductVariant
            {
                Id = Guid.CreateVersion7(), ProductId = product.Id, Sku = SuggestedSku(product.Sku, values), Price = product.Price, Quantity = 0,
            };
            variant.OptionValues = values;
            variant.Position = i;
            return variant;
        }).ToList();
    }

    /// <summary>The product's SKU and each value in capitals, letters and digits only: TSHIRT + Red, L → TSHIRT-RED-L.</summary>
    public static string SuggestedSku(string productSku, IEnumerable<string> values)
    {
        var sku = new StringBuilder(productSku);
        foreach (var value in values)
        {
            var part = new string(value.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
            if (part.Length > 0) sku.Append('-').Append(part);
        }
        return sku.Length <= ProductRules.SkuLength ? sku.ToString() : sku.ToString(0, ProductRules.SkuLength);
    }

    private static string Key(ProductVariant variant) => Key(variant.OptionValues);

    private static string Key(IEnumerable<string> values) => string.Join('\u001f', values);
}
