using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Polling;
using Marketplaces.Settings;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Listing;

/// <summary>
/// The orders list's reads, all done by PostgreSQL: filter, sort, page, count and per-currency totals. Search matches
/// order number, external id, buyer and SKU through the trigram index on <see cref="Order.SearchText"/>.
/// </summary>
public sealed class OrderQueries(IDbContextFactory<AppDbContext> contexts, IEnumerable<IFeed> feeds, ShopTimeZone timeZone)
{
    public const int MaxPageSize = 200;

    public async Task<OrderListPage> PageAsync(OrderListFilter filter, OrderSort sort, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var orders = Filtered(db, filter, await timeZone.CurrentAsync(ct));
        // The per-currency totals count the matching orders too, so one aggregate query serves both.
        var totals = (await orders.GroupBy(o => o.Currency)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(o => o.Total), Orders = g.Count() }).ToListAsync(ct))
            .Select(t => new CurrencyTotal(t.Currency, t.Amount, t.Orders)).OrderByDescending(t => t.Orders).ThenBy(t => t.Currency).ToList();
        var count = totals.Sum(t => t.Orders);
        var rows = await Sorted(orders, sort).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Join(db.Set<Connection>(), o => o.ConnectionId, c => c.Id, (o, c) => new
            {
                Row = new OrderRow(o.Id, o.Marketplace, o.ConnectionId, c.DisplayName, o.OrderNumber, o.BuyerName, o.Status, o.MarketplaceStatus, o.Total,
                    o.Currency, o.CreatedAt, o.UpdatedAt, null, o.ShipBy),
                o.ShipTo,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Row.Id).ToList();
        var items = (await db.Set<OrderLine>().AsNoTracking().Where(l => ids.Contains(l.OrderId)).OrderBy(l => l.Id)
                .Select(l => new { l.OrderId, l.Sku, l.Title, l.Quantity }).ToListAsync(ct))
            .ToLookup(l => l.OrderId, l => new OrderRowItem(string.IsNullOrEmpty(l.Sku) ? l.Title : l.Sku, l.Quantity));
        return new OrderListPage(rows.Select(r => r.Row with { Country = r.ShipTo?.CountryCode, Items = items[r.Row.Id].ToList() }).ToList(), count, totals);
    }

    public async Task<int> CountAsync(Guid connectionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Order>().CountAsync(o => o.ConnectionId == connectionId, ct);
    }

    private readonly string[] _withOrders = feeds.Where(f => f.Name == FeedNames.Orders).Select(f => f.MarketplaceId).Distinct().ToArray();

    /// <summary>The connections orders can come from, for the list's filter: not those of marketplaces without orders (TikTok, AliExpress).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Marketplace, string Name)>> ConnectionsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = await db.Set<Connection>().AsNoTracking().Where(c => _withOrders.Contains(c.Marketplace))
            .OrderBy(c => c.Marketplace).ThenBy(c => c.DisplayName)
            .Select(c => new { c.Id, c.Marketplace, c.DisplayName, c.State }).ToListAsync(ct);
        return connections.Select(c => (c.Id, c.Marketplace, c.State == ConnectionState.Disconnected ? $"{c.DisplayName} (disconnected)" : c.DisplayName)).ToList();
    }

    /// <param name="zone">The shop's time zone: the filter's dates are its days.</param>
    private static IQueryable<Order> Filtered(AppDbContext db, OrderListFilter filter, ShopZone zone)
    {
        var orders = db.Set<Order>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Marketplace)) orders = orders.Where(o => o.Marketplace == filter.Marketplace);
        if (filter.ConnectionId is { } connection) orders = orders.Where(o => o.ConnectionId == connection);
        if (filter.Status is { } status) orders = orders.Where(o => o.Status == status);
        if (filter.AwaitingShipment) orders = orders.Where(o => OrderStatuses.AwaitingShipment.Contains(o.Status));
        if (filter.From is { } from)
        {
            var start = zone.StartOf(from);
            orders = orders.Where(o => o.CreatedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = zone.StartOf(to.AddDays(1));
            orders = orders.Where(o => o.CreatedAt < end);
        }
        // Cleaned as stored text is (a NUL would be refused by PostgreSQL), and no longer than what it is matched against.
        if (StoredText.Clean(filter.Search, 1_000)?.Trim().ToLowerInvariant() is { Length: > 0 } search)
        {
            var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            orders = orders.Where(o => EF.Functions.Like(o.SearchText, pattern, "\\"));
        }
        return orders;
    }

    private static IQueryable<Order> Sorted(IQueryable<Order> orders, OrderSort sort)
    {
        var sorted = (sort.Column, sort.Descending) switch
        {
            (OrderSortColumn.UpdatedAt, false) => orders.OrderBy(o => o.UpdatedAt),
            (OrderSortColumn.UpdatedAt, true) => orders.OrderByDescending(o => o.UpdatedAt),
            (OrderSortColumn.OrderNumber, false) => orders.OrderBy(o => o.OrderNumber),
            (OrderSortColumn.OrderNumber, true) => orders.OrderByDescending(o => o.OrderNumber),
            (OrderSortColumn.Buyer, false) => orders.OrderBy(o => o.BuyerName),
            (OrderSortColumn.Buyer, true) => orders.OrderByDescending(o => o.BuyerName),
            (OrderSortColumn.Total, false) => orders.OrderBy(o => o.Currency).ThenBy(o => o.Total),
            (OrderSortColumn.Total, true) => orders.OrderBy(o => o.Currency).ThenByDescending(o => o.Total),
            (OrderSortColumn.Status, false) => orders.OrderBy(o => o.Status),
            (OrderSortColumn.Status, true) => orders.OrderByDescending(o => o.Status),
            (OrderSortColumn.Marketplace, false) => orders.OrderBy(o => o.Marketplace),
            (OrderSortColumn.Marketplace, true) => orders.OrderByDescending(o => o.Marketplace),
            // Orders without a ship-by date last either way: they are never the urgent ones.
            (OrderSortColumn.ShipBy, false) => orders.OrderBy(o => o.ShipBy == null).ThenBy(o => o.ShipBy),
            (OrderSortColumn.ShipBy, true) => orders.OrderBy(o => o.ShipBy == null).ThenByDescending(o => o.ShipBy),
            (_, false) => orders.OrderBy(o => o.CreatedAt),
            _ => orders.OrderByDescending(o => o.CreatedAt),
        };
        // A unique tie-breaker keeps pages stable when many orders share a value.
        return sorted.ThenBy(o => o.Id);
    }
}
