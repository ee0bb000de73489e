using Marketplaces.Catalog;
using Marketplaces.Database;
using Marketplaces.Settings;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Figures;

/// <summary>
/// The dashboard's order figures: per channel, orders each day of the last 30 (the shop's days, in its time zone), today, awaiting shipment, and
/// revenue (today, 30 days) per currency, never added across currencies; cancelled orders count as orders, not as revenue.
/// </summary>
public sealed class OrderFigures(IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog, ShopTimeZone timeZone, TimeProvider clock)
{
    public const int Days = 30;

    public async Task<OrdersOverview> LoadAsync(CancellationToken ct = default)
    {
        var zone = await timeZone.CurrentAsync(ct);
        var today = zone.DayOf(clock.GetUtcNow());
        var since = zone.StartOf(today.AddDays(1 - Days));
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Days are counted here rather than in SQL: the two providers keep times differently (timestamptz, UTC ticks),
        // and two narrow columns of one month's orders are cheap to read.
        var created = await db.Set<Order>().Where(o => o.CreatedAt >= since)
            .Select(o => new { o.Marketplace, o.CreatedAt, o.Status, o.Currency, o.Total }).ToListAsync(ct);
        var daily = created.GroupBy(o => (o.Marketplace, Day: zone.DayOf(o.CreatedAt)))
            .Select(g => new DailyCount(g.Key.Marketplace, g.Key.Day, g.Count())).ToList();
        var awaiting = await db.Set<Order>()
            .Where(o => OrderStatuses.AwaitingShipment.Contains(o.Status))
            .GroupBy(o => o.Marketplace).Select(g => new { Marketplace = g.Key, Count = g.Count() }).ToListAsync(ct);

        var sold = created.Where(o => o.Status != OrderStatus.Cancelled && o.Currency.Length > 0)
            .Select(o => new Sale(o.Marketplace, zone.DayOf(o.CreatedAt) == today, o.Currency, o.Total)).ToList();

        var channels = daily.Select(d => d.Marketplace).Concat(awaiting.Select(a => a.Marketplace)).Distinct()
            .OrderBy(m => catalog.TryGet(m, out var d) ? d.Name : m).ToList();
        var figures = channels.Select(m => new ChannelFigures(
            m,
            catalog.TryGet(m, out var definition) ? definition.Name : m,
            daily.Where(d => d.Marketplace == m && d.Day == today).Sum(d => d.Orders),
            daily.Where(d => d.Marketplace == m).Sum(d => d.Orders),
            awaiting.FirstOrDefault(a => a.Marketplace == m)?.Count ?? 0,
            Enumerable.Range(0, Days).Select(i => today.AddDays(i + 1 - Days))
                .Select(day => new DayCount(day, daily.Where(d => d.Marketplace == m && d.Day == day).Sum(d => d.Orders))).ToList())
        {
            RevenueToday = Revenue(sold.Where(s => s.Marketplace == m && s.Today)),
            Revenue30Days = Revenue(sold.Where(s => s.Marketplace == m)),
        }).ToList();
        var totals = new ChannelFigures("", "All channels", figures.Sum(f => f.Today), figures.Sum(f => f.Last30Days), figures.Sum(f => f.AwaitingShipment), [])
        {
            RevenueToday = Revenue(sold.Where(s => s.Today)),
            Revenue30Days = Revenue(sold),
        };
        return new OrdersOverview(figures, totals, zone.Id);
    }

    private static IReadOnlyList<MoneyTotal> Revenue(IEnumerable<Sale> sales) =>
        sales.GroupBy(s => s.Currency).Select(g => new MoneyTotal(g.Key, g.Sum(s => s.Total))).OrderByDescending(t => t.Amount).ToList();

    private sealed record Sale(string Marketplace, bool Today, string Currency, decimal Total);

    private sealed record DailyCount(string Marketplace, DateOnly Day, int Orders);
}

/// <param name="Totals">Every channel together.</param>
/// <param name="Zone">The shop's time zone, whose days these are.</param>
public sealed record OrdersOverview(IReadOnlyList<ChannelFigures> Channels, ChannelFigures Totals, string Zone);

public sealed record ChannelFigures(string Marketplace, string Name, int Today, int Last30Days, int AwaitingShipment, IReadOnlyList<DayCount> Daily)
{
    public IReadOnlyList<MoneyTotal> RevenueToday { get; init; } = [];
    public IReadOnlyList<MoneyTotal> Revenue30Days { get; init; } = [];
}

public sealed record MoneyTotal(string Currency, decimal Amount);

public sealed record DayCount(DateOnly Day, int Orders)
{
    public string Label => Day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
