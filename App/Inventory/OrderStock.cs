using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders;
using Marketplaces.Products.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Inventory;

/// <summary>
/// The catalog's stock moved by the orders a feed page stores, exactly once however often an order is read: what each
/// order has moved so far is in the ledger (its rows carry the order), so an order is compared with that and only the
/// difference moves: a new order takes its lines' quantities, a cancelled one gives back what it took, a changed quantity
/// moves the rest. Stock never goes below 0: what an order asked for beyond that is its oversold units. Orders placed
/// before the product was in the catalog move nothing (a first sync reads weeks of history). It runs in the feed's
/// transaction, with the page's orders and cursor, so a crash re-reads the page rather than skipping or repeating a move.
/// The product's listings are marked due for a stock push; on the channel the order came from, the units it sold are
/// already gone from the listing, and the listing's known quantity says so.
/// </summary>
public static class OrderStock
{
    /// <summary>
    /// Marketplaces date orders to the second, on clocks of their own: an order dated up to this much before the product
    /// was created still counts (it cannot be older than the listing it was bought from).
    /// </summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(1);

    public static async Task ApplyAsync(AppDbContext db, Connection connection, IReadOnlyList<Order> orders, DateTimeOffset at, CancellationToken ct)
    {
        var readable = orders.Where(o => o.Problem is null).ToList();
        var skus = readable.SelectMany(o => o.Lines).Select(l => l.Sku?.ToLowerInvariant()).OfType<string>().Where(s => s.Length > 0).Distinct().ToList();
        if (skus.Count == 0) return;
        var stock = await SkuStock.LockAsync(db, skus, ct);
        if (stock.Count == 0) return;
        var ids = readable.Select(o => o.Id).ToList();
        var moved = (await db.Set<StockMovement>().Where(m => m.OrderId != null && ids.Contains(m.OrderId.Value))
                .GroupBy(m => new { m.OrderId, m.Sku })
                .Select(g => new { g.Key.OrderId, g.Key.Sku, Requested = g.Sum(m => m.Requested), Change = g.Sum(m => m.Change) })
                .ToListAsync(ct))
            .ToDictionary(m => (m.OrderId!.Value, m.Sku.ToLowerInvariant()), m => (m.Requested, m.Change));
        var touched = new HashSet<Guid>();
        var soldHere = new List<(Guid ProductId, string Sku, int Units)>();
        foreach (var order in readable)
        foreach (var line in order.Lines.Where(l => l.Sku is { Length: > 0 }).GroupBy(l => l.Sku!.ToLowerInvariant()))
        {
            if (!stock.TryGetValue(line.Key, out var item)) continue;
            var known = moved.TryGetValue((order.Id, line.Key), out var before);
            if (!known && order.CreatedAt < item.Product.CreatedAt - ClockSlack) continue;
            var wanted = order.Status == OrderStatus.Cancelled ? 0 : -line.Sum(l => Math.Max(0, l.Quantity));
            var requested = wanted - before.Requested;
            if (requested == 0) continue;
            var change = requested < 0 ? Math.Max(requested, -item.Quantity) : Math.Min(requested, -before.Change);
            item.Quantity += change;
            order.OversoldUnits = Math.Max(0, order.OversoldUnits + change - requested);
            touched.Add(item.Product.Id);
            if (requested < 0) soldHere.Add((item.Product.Id, item.Sku, -requested));
            db.Add(new StockMovement
            {
                ProductId = item.Product.Id, Sku = item.Sku, At = at, OrderId = order.Id, Requested = requested, Change = change, QuantityAfter = item.Quantity,
                Reason = requested < 0 ? StockMovementReason.Sale : StockMovementReason.Cancellation,
                Note = $"Order {order.OrderNumber} {(order.Status == OrderStatus.Cancelled ? "cancelled" : requested < 0 ? "sold" : "changed")} on {connection.DisplayName}",
            });
        }
        if (touched.Count == 0) return;
        await StockPushes.MarkDueAsync(db, touched, at, ct);
        var here = await db.Set<Listing>().Where(l => l.ConnectionId == connection.Id && touched.Contains(l.ProductId)).ToListAsync(ct);
        foreach (var (productId, sku, units) in soldHere)
            if (here.FirstOrDefault(l => l.ProductId == productId) is { } listing && listing.ChannelQuantities.TryGetValue(sku, out var shown))
                listing.ChannelQuantities[sku] = Math.Max(0, shown - units);
    }
}
