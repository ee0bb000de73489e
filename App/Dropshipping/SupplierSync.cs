using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Inventory;
using Marketplaces.Products;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Dropshipping;

/// <summary>
/// Reads each linked supplier product again and brings the catalog in line: every variant's quantity becomes the
/// supplier's stock (0 when sold out or gone, which the inventory sync then pushes to every channel), a changed cost
/// is recorded and re-prices the variant by the product's rule (unless the seller turned that off), and what needs
/// the seller is flagged on the link in words: withdrawn by the supplier, a SKU gone, a margin under the floor.
/// A product the supplier no longer answers for stays as it is, flagged; the next run reads it again.
/// </summary>
public sealed partial class SupplierSync(
    IDbContextFactory<AppDbContext> contexts, ProductCatalog catalog, SupplierConnections suppliers, TimeProvider clock, ILogger<SupplierSync> logger)
{
    public async Task<int> SyncAllAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = await db.Set<SupplierLink>().Where(l => l.ConnectionId != null).OrderBy(l => l.CheckedAt).Select(l => l.ProductId).ToListAsync(ct);
        foreach (var productId in products) await SyncAsync(productId, "supplier sync", ct);
        return products.Count;
    }

    /// <returns>What changed or needs the seller, in words; null when the product is not bought from a supplier.</returns>
    public async Task<string?> SyncAsync(Guid productId, string actor, CancellationToken ct = default)
    {
        SupplierLink? link;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            link = await db.Set<SupplierLink>().AsNoTracking().Include(l => l.Skus).SingleOrDefaultAsync(l => l.ProductId == productId, ct);
        if (link?.ConnectionId is not { } connectionId) return null;
        var product = await catalog.FindAsync(productId, ct);
        if (product is null) return null;

        SupplierProduct? source = null;
        string? unreadable = null;
        try
        {
            var (_, api, supplierCatalog) = await suppliers.OpenAsync(connectionId, actor, ct);
            source = await supplierCatalog.ProductAsync(api, link.SupplierProductId, link.Country, link.Skus.FirstOrDefault()?.Currency ?? product.Currency, ct);
        }
        catch (MarketplaceException e) when (e.Kind is MarketplaceErrorKind.Rejected && e.Message.StartsWith("AliExpress has no product", StringComparison.Ordinal))
        {
            // Gone altogether: as withdrawn.
        }
        catch (MarketplaceException e)
        {
            unreadable = e.Message;
        }
        if (unreadable is not null)
        {
            await FlagAsync(link.Id, $"Could not read the supplier's product: {unreadable}", ct);
            return unreadable;
        }

        var changes = new List<string>();
        var problems = new List<string>();
        if (source is not { OnSale: true })
            problems.Add("The supplier no longer sells this product: it is set to 0 on every channel. Find another supplier or end the listings.");
        foreach (var skuLink in link.Skus)
        {
            var sku = source is { OnSale: true } ? source.Skus.FirstOrDefault(s => s.SkuId == skuLink.SkuId) ?? source.Skus.FirstOrDefault(s => s.SkuAttr == skuLink.SkuAttr) : null;
            var variant = skuLink.VariantId is { } variantId ? product.Variants.FirstOrDefault(v => v.Id == variantId) : null;
            var name = variant?.Name ?? product.Title;
            if (source is { OnSale: true } && sku is null) problems.Add($"{name}: the supplier no longer offers this SKU; it is set to 0.");
            var stock = Math.Min(sku?.Stock ?? 0, ProductRules.MaxQuantity);
            if (variant is not null) variant.Quantity = stock;
            else if (skuLink.VariantId is null) product.Quantity = stock;
            if (sku is null || sku.Price == skuLink.Cost) continue;
            changes.Add($"{name}: cost {skuLink.Cost:0.00} → {sku.Price:0.00} {skuLink.Currency}");
            skuLink.Cost = sku.Price;
            if (link.AutoReprice)
            {
                var price = link.Rule.PriceFor(sku.Price);
                if (variant is not null) variant.Price = price;
                else product.Price = price;
            }
        }
        foreach (var skuLink in link.Skus)
        {
            var price = skuLink.VariantId is { } id ? product.Variants.FirstOrDefault(v => v.Id == id)?.Price : product.Price;
            if (link.MarginFloorPercent is { } floor && price is > 0 && (price.Value - skuLink.Cost) / price.Value * 100 < floor)
                problems.Add($"{(skuLink.VariantId is { } v ? product.Variants.First(x => x.Id == v).Name : product.Title)}: margin {(price.Value - skuLink.Cost) / price.Value:P0} is under your floor of {floor:0.#} %.");
        }

        var problem = problems.Count == 0 ? null : string.Join(" ", problems);
        var saved = await catalog.SaveAsync(product, ct, new StockCause(StockMovementReason.Supplier, actor, "Supplier stock"), db =>
        {
            db.Attach(link);
            foreach (var skuLink in link.Skus) db.Entry(skuLink).Property(s => s.Cost).IsModified = true;
            (link.CheckedAt, link.Problem) = (clock.GetUtcNow(), problem);
        });
        if (!saved.Saved)
        {
            var refused = $"The catalog refused the supplier's update: {string.Join(" ", saved.Errors.Select(e => e.Message))}";
            await FlagAsync(link.Id, refused, ct);
            return refused;
        }
        if (changes.Count > 0) LogRepriced(logger, productId, changes.Count);
        return string.Join(" ", changes.Append(problem ?? (changes.Count == 0 ? "Nothing changed at the supplier." : "")).Where(t => t.Length > 0));
    }

    private async Task FlagAsync(Guid linkId, string problem, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Set<SupplierLink>().Where(l => l.Id == linkId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Problem, problem).SetProperty(l => l.CheckedAt, clock.GetUtcNow()), ct);
    }

    [LoggerMessage(LogLevel.Information, "Product {ProductId}: {Count} supplier cost change(s) applied")]
    private static partial void LogRepriced(ILogger logger, Guid productId, int count);
}
