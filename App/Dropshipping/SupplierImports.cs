using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Inventory;
using Marketplaces.Products;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Dropshipping;

/// <summary>
/// Imports a supplier product into the catalog: a product with a variant per supplier SKU (its option values, the
/// supplier's stock, a price from the pricing rule), its photos copied into the media folder, and the link that says
/// which supplier SKU each variant is and what it costs, stored in the product's own transaction. A failed import
/// stores nothing and leaves no photo behind.
/// </summary>
public sealed partial class SupplierImports(
    IDbContextFactory<AppDbContext> contexts, ProductCatalog catalog, ProductImages images, SupplierConnections suppliers,
    DropshippingOptions options, IHttpClientFactory http, ILogger<SupplierImports> logger)
{
    public const string SkuPrefix = "AE-";

    /// <summary>The catalog product already made from this supplier product, if any.</summary>
    public async Task<Guid?> ImportedAsync(string marketplace, string supplierProductId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<SupplierLink>().Where(l => l.Marketplace == marketplace && l.SupplierProductId == supplierProductId)
            .Select(l => (Guid?)l.ProductId).FirstOrDefaultAsync(ct);
    }

    /// <summary>The supplier link of a catalog product, with its SKUs; null when it is not bought from a supplier.</summary>
    public async Task<SupplierLink?> LinkAsync(Guid productId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<SupplierLink>().AsNoTracking().Include(l => l.Skus).SingleOrDefaultAsync(l => l.ProductId == productId, ct);
    }

    /// <summary>
    /// Changes a product's pricing rule, whether cost changes re-price it, and its margin floor; with re-pricing on, every
    /// variant is priced by the new rule from its recorded cost at once, in the same save.
    /// </summary>
    /// <returns>What stops the change, in words; null when it was saved.</returns>
    public async Task<string?> ChangeRuleAsync(Guid productId, PricingRule rule, bool autoReprice, decimal? marginFloorPercent, string actor, CancellationToken ct = default)
    {
        if (rule.Problem is { } problem) return problem;
        if (marginFloorPercent is < 0 or >= 100) return "The margin floor is a percentage from 0 to 99, or empty for none.";
        if (await LinkAsync(productId, ct) is not { } link || await catalog.FindAsync(productId, ct) is not { } product) return "This product is not bought from a supplier.";
        if (autoReprice)
        {
            foreach (var sku in link.Skus)
            {
                if (sku.VariantId is not { } variantId) product.Price = rule.PriceFor(sku.Cost);
                else if (product.Variants.FirstOrDefault(v => v.Id == variantId) is { } variant) variant.Price = rule.PriceFor(sku.Cost);
            }
        }
        var saved = await catalog.SaveAsync(product, ct, StockCause.EditedBy(actor, null), db =>
        {
            db.Attach(link);
            (link.MarkupPercent, link.FixedAmount, link.PriceEnding, link.AutoReprice, link.MarginFloorPercent) =
                (rule.MarkupPercent, rule.FixedAmount, rule.Ending, autoReprice, marginFloorPercent);
        });
        return saved.Saved ? null : string.Join(" ", saved.Errors.Select(e => e.Message));
    }

    public async Task<SupplierImportResult> ImportAsync(Guid connectionId, string supplierProductId, string country, PricingRule rule, string actor, CancellationToken ct = default)
    {
        if (rule.Problem is { } problem) return SupplierImportResult.Failed(problem);
        var (connection, api, supplier) = await suppliers.OpenAsync(connectionId, actor, ct);
        if (await ImportedAsync(connection.Marketplace, supplierProductId, ct) is { } existing)
            return new SupplierImportResult(existing, [], "Already in the catalog.");
        var currency = await catalog.DefaultCurrencyAsync(ct);
        var source = await supplier.ProductAsync(api, supplierProductId, country, currency, ct);
        if (!source.OnSale) return SupplierImportResult.Failed("The supplier no longer sells this product.");
        if (source.Skus.Count == 0) return SupplierImportResult.Failed("The supplier lists no SKU of this product.");
        var product = ProductOf(source, rule);
        var link = new SupplierLink
        {
            Id = Guid.CreateVersion7(), ProductId = product.Id, ConnectionId = connection.Id, Marketplace = connection.Marketplace,
            SupplierProductId = source.ProductId, Country = country, MarkupPercent = rule.MarkupPercent, FixedAmount = rule.FixedAmount,
            PriceEnding = rule.Ending, ImportedAt = DateTimeOffset.UtcNow, CheckedAt = DateTimeOffset.UtcNow, MarginFloorPercent = options.MarginFloorPercent,
            Skus = source.Skus.Select((s, n) => new SupplierSkuLink
            {
                VariantId = product.HasVariants ? product.Variants[n].Id : null, SkuId = s.SkuId, SkuAttr = s.SkuAttr, Cost = s.Price,
                Currency = source.Currency, Stock = s.Stock,
            }).ToList(),
        };
        var copied = await CopyImagesAsync(api.Target, product.Id, source, ct);
        product.Images = copied;
        var saved = await catalog.SaveAsync(product, ct, new StockCause(StockMovementReason.Import, actor, $"Imported from {api.Target.Marketplace.Name}"),
            db => db.Add(link));
        if (!saved.Saved)
        {
            foreach (var image in copied) images.Delete(image.Id);
            return new SupplierImportResult(null, saved.Errors.Select(e => e.Message).ToList(), "Not imported.");
        }
        var missed = Math.Min(source.ImageUrls.Count, ProductRules.MaxImages) - copied.Count;
        return new SupplierImportResult(product.Id, [],
            $"Imported with {Count(product.Variants.Count, "variant")} and {Count(copied.Count, "photo")}"
            + (missed > 0 ? $" ({Count(missed, "photo")} could not be copied)." : "."));
    }

    private static Product ProductOf(SupplierProduct source, PricingRule rule)
    {
        var sku = SkuPrefix + source.ProductId;
        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            Sku = sku,
            Title = source.Title.Length > ProductRules.TitleLength ? source.Title[..ProductRules.TitleLength].TrimEnd() : source.Title,
            Description = ProductDescription.Sanitize(source.DescriptionHtml),
            Currency = source.Currency,
            Price = rule.PriceFor(source.Skus.Min(s => s.Price)),
            Quantity = source.Options.Count == 0 ? source.Skus.Sum(s => s.Stock) : 0,
            WeightGrams = source.Package?.WeightKg is { } kg and > 0 ? (int)Math.Ceiling(kg * 1000) : null,
            LengthCm = source.Package?.LengthCm is > 0 ? source.Package.LengthCm : null,
            WidthCm = source.Package?.WidthCm is > 0 ? source.Package.WidthCm : null,
            HeightCm = source.Package?.HeightCm is > 0 ? source.Package.HeightCm : null,
        };
        if (source.Options.Count == 0) return product;
        product.Options = source.Options.Select((name, i) => new ProductOption
        {
            Id = Guid.CreateVersion7(), Position = i, Name = name, Values = source.Skus.Select(s => s.Values[i]).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        }).ToList();
        product.Variants = source.Skus.Select((s, n) => new ProductVariant
        {
            Id = Guid.CreateVersion7(), Position = n, Sku = $"{sku}-{n + 1}", OptionValues = [.. s.Values], Price = rule.PriceFor(s.Price), Quantity = s.Stock,
        }).ToList();
        return product;
    }

    /// <summary>
    /// The supplier's photos, up to the catalog's limit, as files of this app: a photo that cannot be fetched or is not
    /// a usable picture is left out, the import goes on. Only https addresses, or the sandbox's own, are fetched.
    /// </summary>
    private async Task<List<ProductImage>> CopyImagesAsync(MarketplaceTarget target, Guid productId, SupplierProduct source, CancellationToken ct)
    {
        var copied = new List<ProductImage>();
        var client = http.Create();
        var own = new Uri(target.Endpoints.ApiBaseUrl);
        foreach (var address in source.ImageUrls.Take(ProductRules.MaxImages))
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || url.GetLeftPart(UriPartial.Authority) == own.GetLeftPart(UriPartial.Authority)))
            {
                LogImageSkipped(logger, source.ProductId, "not an https address");
                continue;
            }
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
                response.EnsureSuccessStatusCode();
                await using var content = await response.Content.ReadAsStreamAsync(ct);
                copied.Add(await images.StoreAsync(productId, Path.GetFileName(url.AbsolutePath), content, ct));
            }
            catch (Exception e) when (e is HttpRequestException or ProductImageException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                LogImageSkipped(logger, source.ProductId, e.Message);
            }
        }
        return copied.Select((image, n) =>
        {
            image.Position = n;
            return image;
        }).ToList();
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    [LoggerMessage(LogLevel.Warning, "A photo of supplier product {ProductId} was not copied: {Reason}")]
    private static partial void LogImageSkipped(ILogger logger, string productId, string reason);
}

/// <param name="ProductId">The catalog product made (or already there); null when nothing was imported.</param>
/// <param name="Errors">What stopped the import, in words.</param>
public sealed record SupplierImportResult(Guid? ProductId, IReadOnlyList<string> Errors, string Message)
{
    public static SupplierImportResult Failed(string error) => new(null, [error], "Not imported.");
}
