using Marketplaces.Orders;
using Marketplaces.Orders.Figures;
using Marketplaces.Tests.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Orders;

public sealed class OrderFiguresTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    [Fact]
    public async Task The_dashboard_counts_each_channels_orders_today_over_30_days_and_awaiting_shipment()
    {
        var (ebay, seller) = await app.ConnectEbayAsync("figures-ebay");
        app.EbayOrders(seller).AddMany(2);
        var etsy = await app.ConnectAsync("etsy", "figures-etsy");
        await app.SyncOrdersAsync(ebay);
        await app.SyncOrdersAsync(etsy);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var figures = await app.Services.GetRequiredService<OrderFigures>().LoadAsync();

        foreach (var (marketplace, connection) in new[] { ("ebay", ebay), ("etsy", etsy) })
        {
            var stored = await app.StoredOrdersAsync(connection);
            var channel = figures.Channels.Single(c => c.Marketplace == marketplace);
            Assert.Equal(stored.Count(o => DateOnly.FromDateTime(o.CreatedAt.UtcDateTime) == today), channel.Today);
            Assert.Equal(stored.Count(o => o.CreatedAt.UtcDateTime >= today.AddDays(-29).ToDateTime(TimeOnly.MinValue)), channel.Last30Days);
            Assert.Equal(stored.Count(o => o.Status is OrderStatus.Unfulfilled or OrderStatus.PartiallyFulfilled), channel.AwaitingShipment);
            Assert.Equal(OrderFigures.Days, channel.Daily.Count);
            Assert.Equal(channel.Last30Days, channel.Daily.Sum(d => d.Orders));
            Assert.Equal(today, channel.Daily[^1].Day);
            var sold = stored.Where(o => o.Status != OrderStatus.Cancelled && o.CreatedAt.UtcDateTime >= today.AddDays(-29).ToDateTime(TimeOnly.MinValue)).ToList();
            Assert.Equal(Revenue(sold), channel.Revenue30Days.ToDictionary(t => t.Currency, t => t.Amount));
            Assert.Equal(Revenue(sold.Where(o => DateOnly.FromDateTime(o.CreatedAt.UtcDateTime) == today)), channel.RevenueToday.ToDictionary(t => t.Currency, t => t.Amount));
        }
        Assert.Equal(("All channels", figures.Channels.Sum(c => c.Today), figures.Channels.Sum(c => c.Last30Days), figures.Channels.Sum(c => c.AwaitingShipment)),
            (figures.Totals.Name, figures.Totals.Today, figures.Totals.Last30Days, figures.Totals.AwaitingShipment));
        Assert.Equal(figures.Channels.SelectMany(c => c.Revenue30Days).GroupBy(t => t.Currency).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount)),
            figures.Totals.Revenue30Days.ToDictionary(t => t.Currency, t => t.Amount));
        Assert.NotEmpty(figures.Totals.Revenue30Days);
        Assert.True(figures.Channels.Single(c => c.Marketplace == "ebay").Today >= 2);
        Assert.Contains(figures.Channels, c => c.Marketplace == "ebay" && c.AwaitingShipment > 0);
    }

    private static Dictionary<string, decimal> Revenue(IEnumerable<Order> orders) =>
        orders.GroupBy(o => o.Currency).ToDictionary(g => g.Key, g => g.Sum(o => o.Total));
}
