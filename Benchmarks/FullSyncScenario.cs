using System.Diagnostics;
using System.Globalization;
using Marketplaces.Amazon.Sandbox;
using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Database;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Etsy.Sandbox;
using Marketplaces.Polling;
using Marketplaces.PrestaShop.Sandbox;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.WooCommerce.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Benchmarks;

/// <summary>
/// The first sync of 20,000 orders in each of the six emulators, all six at once as the scheduler would run them:
/// once with the emulators' rate limits off, once with them on (the sheets' limits; the app's limiter paces itself
/// from the catalog). A marketplace whose limits make 20,000 orders take hours is stopped at the time cap and its
/// total is projected from the rate it reached.
/// </summary>
public static class FullSyncScenario
{
    private const int OrdersEach = 20_000;
    private const int PageSize = 100;
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(3);
    private static readonly string[] Marketplaces = ["amazon", "ebay", "etsy", "shopify", "woocommerce", "prestashop"];

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        var figures = new List<Figure>();
        figures.AddRange(await RunAsync(provider, limited: false));
        figures.AddRange(await RunAsync(provider, limited: true));
        return figures;
    }

    private static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider, bool limited)
    {
        var label = limited ? "limits on" : "limits off";
        await using var app = new BenchApp(provider);
        app.With("Sandbox:RateLimits:Enabled", limited ? "true" : "false")
            .With("Polling:Feeds:orders:PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        await app.InitializeAsync();
        app.StopScheduledPolling();

        var connections = new Dictionary<string, Guid>();
        var lastChange = DateTimeOffset.MinValue;
        foreach (var marketplace in Marketplaces)
        {
            connections[marketplace] = await SandboxAccounts.ConnectAsync(app, marketplace, Seller);
            var book = Book(app, marketplace);
            var added = book.AddMany(OrdersEach - book.List().Count);
            if (added.Count > 0 && added[^1].ModifiedAt > lastChange) lastChange = added[^1].ModifiedAt;
        }
        // A book gives orders added faster than one a millisecond distinct times running ahead of the clock; a sync must
        // not start before they have happened, as no real marketplace has orders modified in the future.
        if (lastChange - DateTimeOffset.UtcNow is { Ticks: > 0 } ahead) await Task.Delay(ahead + TimeSpan.FromSeconds(1));

        using var cap = new CancellationTokenSource(Cap);
        var runs = Marketplaces.Select(async marketplace =>
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var outcome = await app.Engine.SyncAsync(connections[marketplace], FeedNames.Orders, "benchmark", cap.Token);
                return (marketplace, clock.Elapsed, Finished: outcome.Result == SyncResult.Synced, Message: outcome.Message);
            }
            catch (OperationCanceledException)
            {
                return (marketplace, clock.Elapsed, Finished: false, Message: $"stopped at the {Cap.TotalMinutes:0}-minute cap");
            }
        }).ToList();
        var results = await Task.WhenAll(runs);

        var figures = new List<Figure>();
        foreach (var (marketplace, elapsed, finished, message) in results)
        {
            var count = await StoredAsync(app, connections[marketplace]);
            var refused = app.Journal.Count(marketplace, "429");
            var perSecond = count / elapsed.TotalSeconds;
            var measured = finished && count >= OrdersEach
                ? $"{marketplace}: {OrdersEach:N0} in {elapsed.TotalSeconds:0.0} s ({perSecond:0} orders/s), {refused} x 429"
                : $"{marketplace}: {count:N0} in {elapsed.TotalSeconds:0} s, projected {Projected(OrdersEach, perSecond)} for {OrdersEach:N0}, {refused} x 429";
            figures.Add(new($"full-sync, {label}", measured, limited ? "0 x 429" : "(none set)", limited ? refused == 0 : null,
                $"six first syncs at once, pages of {PageSize} (eBay and Shopify too), FeedEngine.SyncAsync over HTTP to the in-process emulators; {message}"));
        }
        return figures;
    }

    private static string Projected(int orders, double perSecond) =>
        perSecond <= 0 ? "(no progress)" : TimeSpan.FromSeconds(orders / perSecond) is var t && t.TotalHours >= 1 ? $"{t.TotalHours:0.0} h" : $"{t.TotalMinutes:0} min";

    private const string Seller = "bench-seller";

    private static SandboxOrderBook Book(BenchApp app, string marketplace)
    {
        var emulators = app.Services.GetServices<ISandboxEmulator>().ToList();
        return marketplace switch
        {
            "amazon" => emulators.OfType<AmazonOrdersEmulator>().Single().Book(AmazonSandboxAccount.FromName(Seller)),
            "ebay" => app.EbayOrders(EbaySandboxAccount.FromName(Seller)),
            "etsy" => emulators.OfType<EtsyEmulator>().Single().Book(Seller),
            "shopify" => emulators.OfType<ShopifyEmulator>().Single().Book(SandboxAccounts.ShopOf(Seller)),
            "woocommerce" => emulators.OfType<WooCommerceEmulator>().Single().Book(),
            _ => emulators.OfType<PrestaShopEmulator>().Single().Book(),
        };
    }

    private static async Task<int> StoredAsync(BenchApp app, Guid connection)
    {
        await using var db = await app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Database.AppDbContext>>().CreateDbContextAsync();
        return db.Set<Orders.Order>().Count(o => o.ConnectionId == connection);
    }
}
