using Marketplaces.Database;
using Marketplaces.Orders;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Inventory;

/// <summary>
/// The stock ledger: every movement of a SKU's catalog quantity (an order's sale or cancellation, an edit, an import,
/// a channel's quantity taken), and what the dashboard watches: products low on stock, oversold orders, pushes refused.
/// </summary>
public sealed class StockLedger(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<StockMovement>> HistoryAsync(Guid productId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<StockMovement>().AsNoTracking().Where(m => m.ProductId == productId)
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);
    }

    /// <summary>Products at or below their low-stock level, fewest first.</summary>
    public async Task<IReadOnlyList<LowStock>> LowStockAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Product>().AsNoTracking()
            .Select(p => new { p.Id, p.Sku, p.Title, p.LowStockThreshold, OnHand = p.Variants.Count == 0 ? p.Quantity : p.Variants.Sum(v => v.Quantity) })
            .Where(p => p.LowStockThreshold != null && p.OnHand <= p.LowStockThreshold)
            .OrderBy(p => p.OnHand).ThenBy(p => p.Sku).Take(take)
            .Select(p => new LowStock(p.Id, p.Sku, p.Title, p.OnHand, p.LowStockThreshold!.Value)).ToListAsync(ct);
    }

    /// <summary>Orders that asked for more than the catalog had (and are not cancelled), newest first.</summary>
    public async Task<IReadOnlyList<OversoldOrder>> OversoldAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Order>().AsNoTracking().Where(o => o.OversoldUnits > 0 && o.Status != OrderStatus.Cancelled)
            .OrderByDescending(o => o.CreatedAt).Take(take)
            .Select(o => new OversoldOrder(o.Id, o.OrderNumber, o.Marketplace, o.OversoldUnits)).ToListAsync(ct);
    }

    /// <summary>Listings whose last stock push was refused (they are tried again until it goes through).</summary>
    public async Task<int> RefusedPushesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Listing>().CountAsync(l => l.StockMessage != null && l.StockDueAt != null, ct);
    }

    /// <summary>Live listings whose stock was changed on the marketplace directly, with their product, newest first.</summary>
    public async Task<IReadOnlyList<DriftedListing>> DriftedAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Listing>().AsNoTracking().Where(l => l.DriftSeenAt != null)
            .Join(db.Set<Product>(), l => l.ProductId, p => p.Id, (l, p) => new { l.DriftSeenAt, l.Marketplace, p.Id, p.Sku, p.Title })
            .OrderByDescending(x => x.DriftSeenAt).Take(take)
            .Select(x => new DriftedListing(x.Id, x.Sku, x.Title, x.Marketplace)).ToListAsync(ct);
    }

    /// <summary>Every SKU the product sells (its own, or its variants') with its catalog quantity.</summary>
    public static Dictionary<string, int> Quantities(Product product) => product.HasVariants
        ? product.Variants.ToDictionary(v => v.Sku, v => v.Quantity, StringComparer.OrdinalIgnoreCase)
        : new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { [product.Sku] = product.Quantity };

    /// <summary>A SKU the editor left at what it loaded keeps what is stored, if a sale or another page moved it meanwhile.</summary>
    public static void KeepMovedMeanwhile(Product edited, IReadOnlyDictionary<string, int> stored, IReadOnlyDictionary<string, int> loaded)
    {
        int Kept(string sku, int quantity) =>
            loaded.TryGetValue(sku, out var was) && quantity == was && stored.TryGetValue(sku, out var now) ? now : quantity;
        if (!edited.HasVariants) edited.Quantity = Kept(edited.Sku, edited.Quantity);
        foreach (var variant in edited.Variants) variant.Quantity = Kept(variant.Sku, variant.Quantity);
    }

    /// <summary>A ledger line for each SKU whose quantity a save changed, and the product's listings due for a push.</summary>
    public static async Task RecordAsync(AppDbContext db, Product saved, IReadOnlyDictionary<string, int> before, StockCause cause, DateTimeOffset at,
        CancellationToken ct)
    {
        var moved = false;
        foreach (var (sku, quantity) in Quantities(saved))
        {
            var change = quantity - before.GetValueOrDefault(sku);
            if (change == 0) continue;
            db.Add(new StockMovement
            {
                ProductId = saved.Id, Sku = sku, At = at, Reason = cause.Reason, Requested = change, Change = change, QuantityAfter = quantity,
                Note = before.Count == 0 && cause.Reason == StockMovementReason.Edit ? "Created" : cause.Note, Actor = cause.Actor,
            });
            moved = true;
        }
        if (moved) await StockPushes.MarkDueAsync(db, [saved.Id], at, ct);
    }
}

public sealed record LowStock(Guid ProductId, string Sku, string Title, int OnHand, int Threshold);

public sealed record DriftedListing(Guid ProductId, string Sku, string Title, string Marketplace);

public sealed record OversoldOrder(Guid OrderId, string OrderNumber, string Marketplace, int Units);
