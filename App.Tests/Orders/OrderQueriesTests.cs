using Marketplaces.Connections;
using Marketplaces.Orders;
using Marketplaces.Orders.Listing;
using Marketplaces.Tests.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Orders;

/// <summary>An eBay shop with 40 USD orders and an Etsy shop with 20 EUR orders, stored directly, nothing else in the database.</summary>
public class OrderListFixture : PollingFixture
{
    public static readonly DateTimeOffset Start = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    public Guid Ebay { get; private set; }
    public Guid Etsy { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Ebay = await ConnectAsync("ebay", "list-ebay-shop");
        Etsy = await ConnectAsync("etsy", "list-etsy-shop");
        await StoreAsync(Ebay, Enumerable.Range(1, 40).Select(i => Order($"E-{i:000}", i, "USD", i % 4 == 0 ? OrderStatus.Fulfilled : OrderStatus.Unfulfilled)).ToList());
        await StoreAsync(Etsy, Enumerable.Range(1, 20).Select(i => Order($"T-{i:000}", i, "EUR", i % 5 == 0 ? OrderStatus.Cancelled : OrderStatus.Unfulfilled)).ToList());
    }

    /// <summary>Order i is created i hours after <see cref="Start"/>, costs i.49 units (so that 10.49 sorts after 9.49 only
    /// as a number, not as text), and sells SKU-i to buyer i.</summary>
    private static MarketplaceOrder Order(string number, int i, string currency, OrderStatus status) =>
        new(number, status, status.ToString(), $"Buyer Number{i}", currency, Total(i), At(i), At(i), "{}",
            [new MarketplaceOrderLine($"{number}-1", $"SKU-{i:000}", "Thing", 1, Total(i), currency)]);

    public static decimal Total(int i) => i + 0.49m;

    /// <summary>Order i's time, arriving with an offset of -7, 0 or +7 hours as marketplaces send them.</summary>
    private static DateTimeOffset At(int i) => Start.AddHours(i).ToOffset(TimeSpan.FromHours((i % 3 - 1) * 7));

    private async Task StoreAsync(Guid connectionId, IReadOnlyList<MarketplaceOrder> orders)
    {
        await using var db = await ContextAsync();
        var connection = await db.Set<Connection>().SingleAsync(c => c.Id == connectionId);
        await using var tx = await db.Database.BeginTransactionAsync();
        await OrderUpserts.UpsertAsync(db, connection, orders, DateTimeOffset.UtcNow, default);
        await tx.CommitAsync();
    }

    public OrderQueries Queries => Services.GetRequiredService<OrderQueries>();
}

public sealed class PostgreSqlOrderListFixture : OrderListFixture
{
    public PostgreSqlOrderListFixture() => OnPostgreSql();
}

/// <summary>Filters, paging, per-currency sums and sorting, done by the database: on SQLite and on PostgreSQL.</summary>
public abstract class OrderQueriesTests<TFixture>(TFixture app) : IClassFixture<TFixture> where TFixture : OrderListFixture
{
    private Task<OrderListPage> Page(OrderListFilter filter, OrderSort? sort = null, int skip = 0, int take = 25) =>
        app.Queries.PageAsync(filter, sort ?? OrderSort.Newest, skip, take);

    [Fact]
    public async Task The_list_pages_newest_first_and_counts_every_order()
    {
        var first = await Page(new());
        var second = await Page(new(), skip: 25);
        var third = await Page(new(), skip: 50);

        Assert.Equal(60, first.Count);
        Assert.Equal(["E-040", "E-039"], first.Rows.Take(2).Select(r => r.OrderNumber));
        Assert.Equal(60, first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.Id).Distinct().Count());
        Assert.Equal(10, third.Rows.Count);
    }

    [Fact]
    public async Task Totals_are_given_per_currency_and_never_added_across_currencies()
    {
        var page = await Page(new());

        Assert.Equal(
            [new CurrencyTotal("USD", Enumerable.Range(1, 40).Sum(OrderListFixture.Total), 40),
             new CurrencyTotal("EUR", Enumerable.Range(1, 20).Sum(OrderListFixture.Total), 20)],
            page.Totals);
    }

    [Fact]
    public async Task Channel_connection_status_and_dates_narrow_the_list()
    {
        Assert.Equal(20, (await Page(new(Marketplace: "etsy"))).Count);
        Assert.Equal(40, (await Page(new(ConnectionId: app.Ebay))).Count);
        Assert.Equal(10, (await Page(new(Status: OrderStatus.Fulfilled))).Count);
        Assert.Equal(4, (await Page(new(Marketplace: "etsy", Status: OrderStatus.Cancelled))).Count);
        // Orders 1..11 are created on Start's day (12:00 + i hours stays before midnight for i <= 11).
        var day = DateOnly.FromDateTime(OrderListFixture.Start.UtcDateTime);
        Assert.Equal(22, (await Page(new(From: day, To: day))).Count);
        Assert.Equal(38, (await Page(new(From: day.AddDays(1)))).Count);
    }

    [Fact]
    public async Task Search_finds_order_numbers_buyers_and_skus_whatever_the_case()
    {
        Assert.Equal(["E-007"], (await Page(new(Search: "e-007"))).Rows.Select(r => r.OrderNumber));
        Assert.Equal(["E-012", "T-012"], (await Page(new(Search: "buyer number12"))).Rows.Select(r => r.OrderNumber).Order());
        Assert.Equal(["E-033"], (await Page(new(Search: "SKU-033", Marketplace: "ebay"))).Rows.Select(r => r.OrderNumber));
        Assert.Empty((await Page(new(Search: "100%"))).Rows);
    }

    [Fact]
    public async Task Sorting_by_total_keeps_each_currency_together()
    {
        var page = await Page(new(), new OrderSort(OrderSortColumn.Total, Descending: true), take: 3);

        Assert.Equal([("EUR", 20.49m), ("EUR", 19.49m), ("EUR", 18.49m)], page.Rows.Select(r => (r.Currency, r.Total)));
        var ascending = await Page(new(Marketplace: "ebay"), new OrderSort(OrderSortColumn.Total, Descending: false), take: 40);
        Assert.Equal(Enumerable.Range(1, 40).Select(OrderListFixture.Total), ascending.Rows.Select(r => r.Total));
    }

    [Fact]
    public async Task Sorting_by_time_follows_the_instant_whatever_the_offset_it_arrived_with()
    {
        var newest = await Page(new(Marketplace: "etsy"), new OrderSort(OrderSortColumn.CreatedAt, Descending: true), take: 20);
        Assert.Equal(Enumerable.Range(1, 20).Reverse().Select(i => OrderListFixture.Start.AddHours(i)), newest.Rows.Select(r => r.CreatedAt));
    }
}

public sealed class OrderQueriesTestsOnSqlite(OrderListFixture app) : OrderQueriesTests<OrderListFixture>(app);

public sealed class OrderQueriesTestsOnPostgreSql(PostgreSqlOrderListFixture app) : OrderQueriesTests<PostgreSqlOrderListFixture>(app);
