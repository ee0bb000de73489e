using Marketplaces.Catalog;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Figures;

/// <summary>The dashboard's order figures: per channel, orders each UTC day of the last 30, today, and awaiting shipment.</summary>
public sealed class OrderFigures(IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog, TimeProvider clock)
{
    public const int Days = 30;

    public async Task<OrdersOverview> LoadAsync(CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var since = new DateTimeOffset(today.AddDays(1 - Days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var daily = await db.Database.SqlQuery<DailyCount>($"""
            SELECT marketplace AS "Marketplace", (created_at AT TIME ZONE 'UTC')::date AS "Day", count(*)::int AS "Orders"
            FROM orders WHERE created_at >= {since} GROUP BY 1, 2
            """).ToListAsync(ct);
        var awaiting = await db.Set<Order>()
            .Where(o => o.Status == OrderStatus.Unfulfilled || o.Status == OrderStatus.PartiallyFulfilled)
            .GroupBy(o => o.Marketplace).Select(g => new { Marketplace = g.Key, Count = g.Count() }).ToListAsync(ct);

        var channels = daily.Select(d => d.Marketplace).Concat(awaiting.Select(a => a.Marketplace)).Distinct()
            .OrderBy(m => catalog.TryGet(m, out var d) ? d.Name : m).ToList();
        return new OrdersOverview(channels.Select(m => new ChannelFigures(
            m,
            catalog.TryGet(m, out var definition) ? definition.Name : m,
            daily.Where(d => d.Marketplace == m && d.Day == today).Sum(d => d.Orders),
            daily.Where(d => d.Marketplace == m).Sum(d => d.Orders),
            awaiting.FirstOrDefault(a => a.Marketplace == m)?.Count ?? 0,
            Enumerable.Range(0, Days).Select(i => today.AddDays(i + 1 - Days))
                .Select(day => new DayCount(day, daily.Where(d => d.Marketplace == m && d.Day == day).Sum(d => d.Orders))).ToList())).ToList());
    }

    private sealed record DailyCount(string Marketplace, DateOnly Day, int Orders);
}

public sealed record OrdersOverview(IReadOnlyList<ChannelFigures> Channels);

public sealed record ChannelFigures(string Marketplace, string Name, int Today, int Last30Days, int AwaitingShipment, IReadOnlyList<DayCount> Daily);

public sealed record DayCount(DateOnly Day, int Orders)
{
    public string Label => Day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
