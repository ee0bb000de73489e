using Marketplaces.Database;
using Marketplaces.Products;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Inventory;

/// <summary>
/// The catalog quantity of one SKU (a product's, or a variant's), tracked by the context that found it, so that moving it
/// and saving go together.
/// </summary>
public sealed class SkuStock(Product product, ProductVariant? variant)
{
    public Product Product => product;
    public string Sku => variant?.Sku ?? product.Sku;

    public int Quantity
    {
        get => variant?.Quantity ?? product.Quantity;
        set
        {
            if (variant is null) product.Quantity = value;
            else variant.Quantity = value;
        }
    }

    /// <summary>
    /// The SKUs among <paramref name="skus"/> (lower case) that the catalog has, by lower-case SKU, their products locked
    /// for this transaction first: whoever else moves their stock waits for the commit, and nothing is counted twice or
    /// lost. On PostgreSQL, one <c>FOR UPDATE</c> in id order (so that two writers never wait on each other in a circle);
    /// SQLite's transactions begin IMMEDIATE (Microsoft.Data.Sqlite's default) and so write one at a time already.
    /// </summary>
    public static async Task<Dictionary<string, SkuStock>> LockAsync(AppDbContext db, IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        var ids = await db.Set<Product>().Where(p => skus.Contains(p.Sku.ToLower())).Select(p => p.Id)
            .Union(db.Set<ProductVariant>().Where(v => skus.Contains(v.Sku.ToLower())).Select(v => v.ProductId))
            .ToListAsync(ct);
        if (ids.Count == 0) return [];
        if (!db.Database.IsSqlite())
            await db.Database.ExecuteSqlAsync($"SELECT id FROM products WHERE id = ANY({ids.ToArray()}) ORDER BY id FOR UPDATE", ct);
        var products = await db.Set<Product>().Include(p => p.Variants).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return products.SelectMany(p => p.Variants.Select(v => new SkuStock(p, v)).Prepend(new SkuStock(p, null)))
            .Where(s => skus.Contains(s.Sku.ToLowerInvariant()))
            .ToDictionary(s => s.Sku.ToLowerInvariant());
    }
}
