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
        // Days are counted here rather than in SQL: the two providers keep times differently (timestamptz, UTC ticks),
        // and two narrow columns of one month's orders are cheap to read.
        var created = await db.Set<Order>().Where(o => o.CreatedAt >= since).Select(o => new { o.Marketplace, o.CreatedAt }).ToListAsync(ct);
        var daily = created.GroupBy(o => (o.Marketplace, Day: DateOnly.FromDateTime(o.CreatedAt.UtcDateTime)))
            .Select(g => new DailyCount(g.Key.Marketplace, g.Key.Day, g.Count())).ToList();
        var awaiting = await db.Set<Order>()
            .Where(o => OrderStatuses.AwaitingShipment.Contains(o.Status))
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
