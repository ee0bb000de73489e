using System.Globalization;
using CsvHelper;

namespace Marketplaces.Products;

/// <summary>
/// The catalog as CSV, one row per product and one per variant under it (its <c>parent_sku</c> the product's SKU, its
/// option names and values in <c>option1_name</c>…<c>option3_value</c>), the way Shopify's product CSV lays variants out.
/// Numbers are written and read in the invariant culture (a dot for decimals); the separator is detected on import.
/// </summary>
public static class ProductCsv
{
    public static readonly string[] Headers =
    [
        "sku", "parent_sku", "title", "description", "brand", "condition", "gtin", "mpn", "price", "currency", "quantity", "weight_g", "length_cm",
        "width_cm", "height_cm", "option1_name", "option1_value", "option2_name", "option2_value", "option3_name", "option3_value",
    ];

    public const int MaxRows = 5_000;

    public static IEnumerable<string?[]> Rows(Product product)
    {
        yield return
        [
            product.Sku, null, product.Title, product.Description, product.Brand, product.Condition.ToString(), product.Gtin, product.Mpn,
            Number(product.Price), product.Currency, Number(product.Quantity), Number(product.WeightGrams), Number(product.LengthCm), Number(product.WidthCm),
            Number(product.HeightCm), null, null, null, null, null, null,
        ];
        foreach (var variant in product.Variants)
        {
            var options = Enumerable.Range(0, ProductRules.MaxOptions).SelectMany(i => i < product.Options.Count && i < variant.OptionValues.Count
                ? new[] { product.Options[i].Name, variant.OptionValues[i] }
                : new string?[] { null, null });
            yield return new string?[] { variant.Sku, product.Sku, null, null, null, null, variant.Gtin, null, Number(variant.Price), null, Number(variant.Quantity), null, null, null, null }
                .Concat(options).ToArray();
        }
    }

    /// <summary>Reads every row; a row that cannot be read carries its problem and is still returned, with its line.</summary>
    public static IReadOnlyList<ProductCsvRow> Read(TextReader text)
    {
        using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true });
        var headers = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = new[] { "sku", "title", "price" }.Where(h => !headers.Contains(h)).ToList();
        if (missing.Count > 0) throw new ProductCsvException($"The header row lacks {string.Join(", ", missing)}. The first row names the columns: {string.Join(",", Headers)}.");
        var rows = new List<ProductCsvRow>();
        while (csv.Read())
        {
            if (rows.Count == MaxRows) throw new ProductCsvException($"Only {MaxRows:N0} rows are taken at once; split the file.");
            string? Field(string name) => headers.IndexOf(name) is var i and >= 0 && i < csv.FieldCount && csv.GetString(i) is { Length: > 0 } v ? Unescaped(v) : null;
            rows.Add(Row((int)csv.LineNumber, Field));
        }
        return rows;
    }

    private static ProductCsvRow Row(int line, Func<string, string?> field)
    {
        var problems = new List<string>();
        decimal? Decimal(string name)
        {
            if (field(name) is not { } text) return null;
            // No thousands separators: a European "12,5" must not become 125.
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add($"{name} '{text}' is not a number (use a dot for decimals).");
            return null;
        }
        int? Whole(string name)
        {
            if (field(name) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            problems.Add($"{name} '{text}' is not a whole number.");
            return null;
        }
        ProductCondition? condition = null;
        if (field("condition") is { } conditionText)
        {
            if (Enum.TryParse<ProductCondition>(conditionText.Replace(" ", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) condition = parsed;
            else problems.Add($"condition '{conditionText}' is not one of {string.Join(", ", Enum.GetNames<ProductCondition>())}.");
        }
        var options = Enumerable.Range(1, ProductRules.MaxOptions)
            .Select(i => (Name: field($"option{i}_name"), Value: field($"option{i}_value")))
            .TakeWhile(o => o.Name is not null || o.Value is not null).ToList();
        if (options.Any(o => o.Name is null || o.Value is null)) problems.Add("Each option needs both its name and its value.");
        var row = new ProductCsvRow(line, field("sku") ?? "", field("parent_sku"), field("title"), field("description"), field("brand"), condition,
            field("gtin"), field("mpn"), Decimal("price"), field("currency"), Whole("quantity"), Whole("weight_g"), Decimal("length_cm"), Decimal("width_cm"),
            Decimal("height_cm"), options.Where(o => o.Name is not null && o.Value is not null).Select(o => (o.Name!, o.Value!)).ToList(), problems);
        if (row.Sku.Length == 0) problems.Add("The SKU is missing.");
        return row;
    }

    /// <summary>The export escapes a field a spreadsheet would run as a formula with a leading apostrophe; the import takes it off again.</summary>
    private static string Unescaped(string field) => field.Length > 1 && field[0] == '\'' && field[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? field[1..] : field;

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One CSV row as read: a product (no <see cref="ParentSku"/>) or one of its variants.</summary>
public sealed record ProductCsvRow(
    int Line, string Sku, string? ParentSku, string? Title, string? Description, string? Brand, ProductCondition? Condition, string? Gtin, string? Mpn,
    decimal? Price, string? Currency, int? Quantity, int? WeightGrams, decimal? LengthCm, decimal? WidthCm, decimal? HeightCm,
    IReadOnlyList<(string Name, string Value)> Options, List<string> Problems)
{
    public bool IsVariant => ParentSku is not null;
}

/// <summary>A file that cannot be imported at all (no header, too many rows); the message is for the seller.</summary>
public sealed class ProductCsvException(string message) : Exception(message);
