using Marketplaces.Hosting;

namespace Marketplaces.Products;

/// <summary>
/// A catalog CSV checked, then imported product by product. A product and its variant rows go in together or not at
/// all: one bad row stops its product, with the reason on that row, and no other. A SKU the catalog has is updated in
/// place (its images and listings kept; a variant is the same variant when its SKU is); any other is a new product.
/// </summary>
public sealed class ProductCsvImport(ProductCatalog catalog)
{
    public async Task<IReadOnlyList<ProductCsvOutcome>> CheckAsync(IReadOnlyList<ProductCsvRow> rows, CancellationToken ct = default) =>
        await RunAsync(rows, write: false, ct);

    public async Task<IReadOnlyList<ProductCsvOutcome>> ImportAsync(IReadOnlyList<ProductCsvRow> rows, CancellationToken ct = default) =>
        await RunAsync(rows, write: true, ct);

    private async Task<IReadOnlyList<ProductCsvOutcome>> RunAsync(IReadOnlyList<ProductCsvRow> rows, bool write, CancellationToken ct)
    {
        var outcomes = new Dictionary<ProductCsvRow, ProductCsvOutcome>();
        var parents = rows.Where(r => !r.IsVariant).GroupBy(r => r.Sku, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var twice in parents.Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            outcomes[twice] = ProductCsvOutcome.Invalid(twice, $"The SKU {twice.Sku} has a product row earlier in the file.");
        var byParent = rows.Where(r => r.IsVariant).ToLookup(r => r.ParentSku!, StringComparer.OrdinalIgnoreCase);
        var productRows = parents.Select(g => g.First()).ToList();
        foreach (var orphan in byParent.Where(g => !productRows.Any(p => string.Equals(p.Sku, g.Key, StringComparison.OrdinalIgnoreCase))).SelectMany(g => g))
            outcomes[orphan] = ProductCsvOutcome.Invalid(orphan, $"There is no product row for its parent_sku {orphan.ParentSku} in the file.");

        var stored = await catalog.FindBySkuAsync(productRows.Select(r => r.Sku).ToList(), ct);
        string? stopped = null;
        foreach (var productRow in productRows)
        {
            var variantRows = byParent[productRow.Sku].ToList();
            var group = variantRows.Prepend(productRow).ToList();
            if (group.FirstOrDefault(r => r.Problems.Count > 0) is { } unreadable)
            {
                Fail(outcomes, group, unreadable, string.Join(" ", unreadable.Problems));
                continue;
            }
            var existing = stored.GetValueOrDefault(productRow.Sku);
            var product = Build(productRow, variantRows, existing, out var shapeProblem);
            if (shapeProblem is not null)
            {
                Fail(outcomes, group, shapeProblem.Value.Row, shapeProblem.Value.Message);
                continue;
            }
            if (stopped is not null)
            {
                foreach (var row in group) outcomes[row] = ProductCsvOutcome.Invalid(row, stopped);
                continue;
            }
            IReadOnlyList<ProductError> errors;
            try
            {
                errors = write ? (await catalog.SaveAsync(product, ct, Inventory.StockCause.Import)).Errors : await catalog.CheckAsync(product, ct);
            }
            catch (Exception e) when (write && DatabaseOutage.Caused(e))
            {
                // Each product is its own transaction: those before stay imported, and the file can simply be imported again.
                stopped = "Not imported: the database cannot be written just now. Import the file again in a moment; products already imported are updated in place.";
                foreach (var row in group) outcomes[row] = ProductCsvOutcome.Invalid(row, stopped);
                continue;
            }
            if (errors.Count > 0)
            {
                Fail(outcomes, group, RowOf(errors[0], productRow, variantRows), string.Join(" ", errors.Select(e => e.Message).Distinct()));
                continue;
            }
            var kind = existing is null ? ProductCsvOutcomeKind.New : ProductCsvOutcomeKind.Update;
            foreach (var row in group) outcomes[row] = new ProductCsvOutcome(row, write ? ProductCsvOutcomeKind.Imported : kind, write ? product.Id : existing?.Id,
                write ? (existing is null ? "Created." : "Updated.") : existing is null ? "New product." : "Updates the product with this SKU.");
        }
        return rows.Select(r => outcomes[r]).ToList();
    }

    private static void Fail(Dictionary<ProductCsvRow, ProductCsvOutcome> outcomes, List<ProductCsvRow> group, ProductCsvRow culprit, string message)
    {
        foreach (var row in group)
            outcomes[row] = ProductCsvOutcome.Invalid(row, row == culprit ? message : $"Not imported: line {culprit.Line} of the same product has a problem.");
    }

    /// <summary>A message about one variant (it names its values or SKU) goes to that variant's row; any other to the product's.</summary>
    private static ProductCsvRow RowOf(ProductError error, ProductCsvRow productRow, List<ProductCsvRow> variantRows) =>
        error.Field == nameof(Product.Variants)
            ? variantRows.FirstOrDefault(v => error.Message.Contains(v.Sku, StringComparison.OrdinalIgnoreCase)
                                              || error.Message.StartsWith(string.Join(" / ", v.Options.Select(o => o.Value)), StringComparison.OrdinalIgnoreCase))
              ?? productRow
            : productRow;

    private static Product Build(ProductCsvRow row, List<ProductCsvRow> variantRows, Product? existing, out (ProductCsvRow Row, string Message)? problem)
    {
        problem = null;
        var product = new Product
        {
            Id = existing?.Id ?? Guid.Empty, Sku = row.Sku, Title = row.Title ?? "", Description = row.Description ?? "", Brand = row.Brand,
            Condition = row.Condition ?? ProductCondition.New, Gtin = row.Gtin, Mpn = row.Mpn, Price = row.Price ?? 0, Currency = row.Currency ?? "",
            Quantity = row.Quantity ?? 0, WeightGrams = row.WeightGrams, LengthCm = row.LengthCm, WidthCm = row.WidthCm, HeightCm = row.HeightCm,
            Images = existing?.Images.OrderBy(i => i.Position).ToList() ?? [],
        };
        if (variantRows.Count == 0) return product;
        var names = variantRows[0].Options.Select(o => o.Name).ToList();
        if (variantRows.FirstOrDefault(v => !v.Options.Select(o => o.Name).SequenceEqual(names, StringComparer.OrdinalIgnoreCase)) is { } odd)
        {
            problem = (odd, $"Its options ({string.Join(", ", odd.Options.Select(o => o.Name))}) differ from the first variant's ({string.Join(", ", names)}).");
            return product;
        }
        if (names.Count == 0)
        {
            problem = (variantRows[0], "A variant row needs its option names and values (option1_name, option1_value, …).");
            return product;
        }
        product.Options = names.Select((name, i) => new ProductOption
        {
            Name = name, Values = variantRows.Select(v => v.Options[i].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Id = existing?.Options.FirstOrDefault(o => o.Position == i)?.Id ?? Guid.Empty,
        }).ToList();
        product.Variants = variantRows.Select(v =>
        {
            var same = existing?.Variants.FirstOrDefault(x => string.Equals(x.Sku, v.Sku, StringComparison.OrdinalIgnoreCase));
            return new ProductVariant
            {
                Id = same?.Id ?? Guid.Empty, Sku = v.Sku, OptionValues = v.Options.Select(o => o.Value).ToList(), Price = v.Price ?? product.Price,
                Quantity = v.Quantity ?? 0, Gtin = v.Gtin, ImageId = same?.ImageId,
            };
        }).ToList();
        return product;
    }
}

public enum ProductCsvOutcomeKind
{
    New,
    Update,
    Invalid,
    Imported,
}

/// <param name="ProductId">The product the row created or updates, when known.</param>
public sealed record ProductCsvOutcome(ProductCsvRow Row, ProductCsvOutcomeKind Kind, Guid? ProductId, string Message)
{
    public static ProductCsvOutcome Invalid(ProductCsvRow row, string message) => new(row, ProductCsvOutcomeKind.Invalid, null, message);
}
