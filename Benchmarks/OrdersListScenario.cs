using System.Diagnostics;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders;
using Marketplaces.Orders.Listing;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Benchmarks;

/// <summary>
/// 100,000 orders across six connections (Amazon, eBay, Etsy, Shopify, WooCommerce, PrestaShop), stored through the
/// feeds' own upsert; then the orders list's server time (OrderQueries.PageAsync: rows, count and per-currency totals)
/// for the first page, a filtered page and searches, median and 95th percentile.
/// </summary>
public static class OrdersListScenario
{
    private const int Orders = 100_000;
    private const int Runs = 200;
    private const double TargetP95Ms = 100;
    private static readonly string[] Marketplaces = ["amazon", "ebay", "etsy", "shopify", "woocommerce", "prestashop"];
    private static readonly string[] Currencies = ["USD", "USD", "USD", "EUR", "GBP"];
    private static readonly string[] Names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Frances Allen", "Ken Thompson"];

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        await using var app = new BenchApp(provider);
        await app.InitializeAsync();
        app.StopScheduledPolling();
        var connections = await ConnectAsync(app);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app, connections);
        seeding.Stop();
        await AnalyzeAsync(app, provider);

        var queries = app.Services.GetRequiredService<OrderQueries>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (string Name, OrderListFilter Filter)[] cases =
        [
            ("first page", new OrderListFilter()),
            ("filtered page (channel + status + 90 days)", new OrderListFilter(Marketplace: "etsy", Status: OrderStatus.Unfulfilled, From: today.AddDays(-90), To: today)),
            ("search by buyer", new OrderListFilter(Search: "liskov")),
            ("search by SKU", new OrderListFilter(Search: "sku-0042")),
            ("search by order number", new OrderListFilter(Search: "ord-0012345")),
        ];
        var figures = new List<Figure>
        {
            new("orders-list", $"{Orders:N0} orders seeded in {seeding.Elapsed.TotalSeconds:0} s", "(setup)", null,
                $"6 connections, OrderUpserts.UpsertAsync in transactions of 1,000 ({Orders / seeding.Elapsed.TotalSeconds:0} orders/s) into {provider.Store()}, then {string.Join("; ", Statistics(provider))}"),
        };
        foreach (var (name, filter) in cases)
        {
            var timings = await TimeAsync(() => queries.PageAsync(filter, OrderSort.Newest, 0, 25));
            var (median, p95) = (Percentile(timings, 0.5), Percentile(timings, 0.95));
            var matched = (await queries.PageAsync(filter, OrderSort.Newest, 0, 25)).Count;
            figures.Add(new("orders-list", $"{name}: median {median:0.0} ms, p95 {p95:0.0} ms", $"p95 < {TargetP95Ms:0} ms", p95 < TargetP95Ms,
                $"{Runs} calls after 20 warm-up, 25 rows + count + per-currency totals of {matched:N0} matching orders, in-process, {provider.Store()}"));
        }
        var deep = await TimeAsync(() => queries.PageAsync(new OrderListFilter(), OrderSort.Newest, Orders / 2, 25));
        figures.Add(new("orders-list", $"page at offset 50,000: median {Percentile(deep, 0.5):0.0} ms, p95 {Percentile(deep, 0.95):0.0} ms", "(diagnostic)", null,
            "the same call paged half-way through the list"));
        return figures;
    }

    private static async Task<List<Connection>> ConnectAsync(BenchApp app)
    {
        var ids = new List<Guid>();
        foreach (var marketplace in Marketplaces) ids.Add(await SandboxAccounts.ConnectAsync(app, marketplace, $"bench-{marketplace}"));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Connection>().Where(c => ids.Contains(c.Id)).ToListAsync();
    }

    /// <summary>Deterministic orders over the last year: order i belongs to connection i mod 6.</summary>
    private static async Task SeedAsync(BenchApp app, List<Connection> connections)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var random = new Random(42);
        var now = DateTimeOffset.UtcNow;
        foreach (var chunk in Enumerable.Range(0, Orders).Chunk(1000))
        {
            await using var db = await contexts.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            foreach (var group in chunk.GroupBy(i => i % connections.Count))
            {
                var orders = group.Select(i =>
                {
                    var currency = Currencies[random.Next(Currencies.Length)];
                    var created = now - TimeSpan.FromMinutes(random.Next(365 * 24 * 60));
                    var status = (OrderStatus)random.Next(4);
                    var lines = Enumerable.Range(1, 1 + random.Next(3))
                        .Select(l => new MarketplaceOrderLine($"{i}-{l}", $"SKU-{random.Next(1000):0000}", "Bench item", 1 + random.Next(3), random.Next(100, 10000) / 100m, currency))
                        .ToList();
                    return new MarketplaceOrder($"ORD-{i:0000000}", status, status.ToString(), Names[random.Next(Names.Length)], currency,
                        lines.Sum(l => l.UnitPrice * l.Quantity), created, created, RawPayload(i), lines);
                }).ToList();
                await OrderUpserts.UpsertAsync(db, connections[group.Key], orders, now, default);
            }
            await tx.CommitAsync();
        }
    }

    /// <summary>
    /// What the database does by itself some time after a large ingest: PostgreSQL's autovacuum (statistics, and the
    /// visibility map index-only scans rely on), SQLite's query planner statistics (ANALYZE; PRAGMA optimize).
    /// </summary>
    private static async Task AnalyzeAsync(BenchApp app, DatabaseProvider provider)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        foreach (var statement in Statistics(provider)) await db.Database.ExecuteSqlRawAsync(statement);
    }

    private static string[] Statistics(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => ["ANALYZE", "PRAGMA optimize"],
        _ => ["VACUUM ANALYZE orders", "VACUUM ANALYZE order_lines"],
    };

    /// <summary>About the size of a real order's JSON, so that the table is as wide as a real one.</summary>
    private static string RawPayload(int i) => $$"""{"id":"ORD-{{i:0000000}}","note":"{{new string('x', 1500)}}"}""";

    private static async Task<double[]> TimeAsync(Func<Task> call)
    {
        for (var i = 0; i < 20; i++) await call();
        var timings = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            timings[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(timings);
        return timings;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
