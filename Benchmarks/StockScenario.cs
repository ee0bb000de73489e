using System.Diagnostics;
using Marketplaces.Amazon.Sandbox;
using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Database;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Etsy.Sandbox;
using Marketplaces.Inventory;
using Marketplaces.Jobs;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.PrestaShop.Sandbox;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Inventory;
using Marketplaces.WooCommerce.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Benchmarks;

/// <summary>
/// Issue 16's inventory sync: 200 SKUs (50 of each in stock, priced in euros) published to all six sandbox
/// marketplaces, then 2,000 sales of one unit, each of a random SKU on a random one of the six, spread evenly over 10
/// minutes on the emulators' order books, with the sandbox's rate limits on and the order feeds polled every minute by
/// the app's own schedule. Per sale: when the order was read (its FirstSeenAt: the baseline, polling's share) and when
/// every listing of its SKU showed the catalog's quantity with no push left (watched every half second). Calls the
/// pushes made (every call that is not an order read or a token), the 429s, and the oversold units.
/// <c>BENCH_STOCK_SKUS</c>, <c>BENCH_STOCK_SALES</c> and <c>BENCH_STOCK_MINUTES</c> set other sizes.
/// </summary>
public static class StockScenario
{
    private const string Seller = "bench-stock-shop";
    private const int OnHand = 50;
    private static readonly string[] Marketplaces = ["ebay", "woocommerce", "shopify", "prestashop", "etsy", "amazon"];
    private static readonly Dictionary<string, Dictionary<string, string>> Settings = new()
    {
        ["ebay"] = new() { ["marketplace"] = "EBAY_DE", ["postalCode"] = "10115" },
        ["etsy"] = new() { ["taxonomy_id"] = "119" },
    };

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : fallback;

    private sealed record Sale(string OrderId, string Marketplace, Guid ProductId, string Sku, DateTimeOffset PlacedAt)
    {
        public DateTimeOffset? ReadAt { get; set; }
        public DateTimeOffset? RightAt { get; set; }
    }

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        var (skus, sales, minutes) = (Setting("BENCH_STOCK_SKUS", 200), Setting("BENCH_STOCK_SALES", 2_000), Setting("BENCH_STOCK_MINUTES", 10));
        var counter = new MarketplaceCallCounter();
        await using var app = new BenchApp(provider);
        app.Counting(counter);
        app.With("Polling:Feeds:orders:IntervalMinutes", "1");
        await app.InitializeAsync();
        app.StopScheduledPolling();
        var connections = new Dictionary<string, Guid>();
        var publishes = app.Services.GetRequiredService<ListingPublishes>();
        foreach (var marketplace in Marketplaces)
        {
            connections[marketplace] = await SandboxAccounts.ConnectAsync(app, marketplace, marketplace is "woocommerce" or "prestashop" ? "main" : Seller);
            if (Settings.TryGetValue(marketplace, out var settings)) await publishes.SaveSettingsAsync(connections[marketplace], settings);
            // The seeded history is read before the sales start; orders older than the products move no stock.
            while ((await app.Engine.SyncAsync(connections[marketplace], FeedNames.Orders, "benchmark")).Message.Contains("the rest follows", StringComparison.Ordinal)) { }
        }
        var products = await CatalogAsync(app, skus);
        var publishing = Stopwatch.StartNew();
        await publishes.RequestAsync(products.Keys, connections.Values, "benchmark");
        var listings = await PublishedAsync(app, products.Count * Marketplaces.Length);
        publishing.Stop();
        var books = Books(app);

        var callsBefore = Marketplaces.ToDictionary(m => m, m => counter.Calls(m, CallKind.Other));
        var throttledBefore = app.Journal.Count("shopify", "THROTTLED");
        var refusedBefore = Marketplaces.Sum(counter.Refused);
        RecurringJobs.Declare(app.RecurringJobs);
        var random = new Random(16);
        var placed = new List<Sale>();
        var productIds = products.Keys.ToList();
        using var watching = new CancellationTokenSource();
        var watcher = WatchAsync(app, placed, watching.Token);
        var clock = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow;
        var spacing = TimeSpan.FromMinutes(minutes) / sales;
        for (var i = 0; i < sales; i++)
        {
            var due = start + spacing * i;
            if (due > DateTimeOffset.UtcNow) await Task.Delay(due - DateTimeOffset.UtcNow);
            var productId = productIds[random.Next(productIds.Count)];
            var marketplace = Marketplaces[random.Next(Marketplaces.Length)];
            var order = InventoryFixture.Sell(books[marketplace], products[productId], listings[(productId, marketplace)], 1);
            lock (placed) placed.Add(new Sale(order.Id, marketplace, productId, products[productId], DateTimeOffset.UtcNow));
        }
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            lock (placed)
                if (placed.All(s => s.RightAt is not null)) break;
            await Task.Delay(1000);
        }
        clock.Stop();
        await watching.CancelAsync();
        await watcher;

        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var oversold = await db.Set<Order>().SumAsync(o => o.OversoldUnits);
        var changes = await db.Set<StockMovement>().CountAsync(m => m.Reason == StockMovementReason.Sale);
        var calls = Marketplaces.ToDictionary(m => m, m => counter.Calls(m, CallKind.Other) - callsBefore[m]);
        var refused = Marketplaces.Sum(counter.Refused) - refusedBefore + app.Journal.Count("shopify", "THROTTLED") - throttledBefore;
        var read = placed.Where(s => s.ReadAt is not null).Select(s => (s.ReadAt!.Value - s.PlacedAt).TotalSeconds).ToList();
        var right = placed.Where(s => s.RightAt is not null).Select(s => (s.RightAt!.Value - s.PlacedAt).TotalSeconds).ToList();
        var pushed = placed.Where(s => s.RightAt is not null && s.ReadAt is not null).Select(s => Math.Max(0, (s.RightAt!.Value - s.ReadAt!.Value).TotalSeconds)).ToList();
        var late = placed.FirstOrDefault(s => s.RightAt is null);
        var lateListings = late is null ? [] : await db.Set<Listing>().AsNoTracking().Where(l => l.ProductId == late.ProductId).ToListAsync();
        var lateQuantity = late is null ? 0 : (await db.Set<Product>().AsNoTracking().SingleAsync(p => p.Id == late.ProductId)).Quantity;
        var size = $"{skus} SKUs × 6 marketplaces ({listings.Count} listings, published in {publishing.Elapsed.TotalMinutes:0.0} min), {sales} sales in {minutes} min, orders polled every minute";
        return
        [
            new("stock sale read (baseline)", Spread(read), "(polling: ≤ 1 interval + 1 sweep)", null,
                $"{read.Count} of {placed.Count} sales: from the order placed on the emulator to its FirstSeenAt in the app; {size}"),
            new("stock sale to every channel", Spread(right), "(none set)", null,
                $"{right.Count} of {placed.Count}: from the order placed to every listing of its SKU showing the catalog's quantity, no push left (watched every 0.5 s)"),
            new("stock read to every channel", Spread(pushed), "p95 ≤ 60 s (one interval)", pushed.Count > 0 && Percentile(pushed, 0.95) <= 60,
                "the push's share: from the order read to every listing right (coalescing wait 5 s included)"),
            new("stock calls per change", $"{calls.Values.Sum() / (double)Math.Max(1, changes):0.00}", "(none set)", null,
                $"{calls.Values.Sum()} calls that are not order reads or tokens during the sales ({string.Join(", ", calls.Select(c => $"{c.Key} {c.Value}"))}) for {changes} sale movements"),
            new("stock not right", $"{placed.Count(s => s.RightAt is null)} sales", "0", placed.All(s => s.RightAt is not null),
                late is null ? "every sale's SKU right on every channel by the end" : $"the first: {late.Sku} sold on {late.Marketplace}, catalog {lateQuantity}; "
                    + string.Join("; ", lateListings.Select(l => $"{l.Marketplace} due {l.StockDueAt is not null} shown {string.Join(",", l.ChannelQuantities.Values)} {l.StockMessage}"))),
            new("stock 429s", $"{refused}", "0", refused == 0, "429 answers seen by the app's HTTP pipeline plus Shopify THROTTLED answers; sandbox limits on"),
            new("stock oversold", $"{oversold} units", "0", oversold == 0, $"orders' oversold units; {OnHand} of each SKU at the start, about {sales / skus} sales each"),
        ];
    }

    private static string Spread(List<double> seconds) => seconds.Count == 0 ? "none"
        : $"p50 {Percentile(seconds, 0.5):0.0} s, p95 {Percentile(seconds, 0.95):0.0} s, max {seconds.Max():0.0} s";

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    /// <summary>Every half second: which sales were read, and which SKUs stand right on every listing.</summary>
    private static async Task WatchAsync(BenchApp app, List<Sale> placed, CancellationToken ct)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        while (!ct.IsCancellationRequested)
        {
            List<Sale> pending;
            lock (placed) pending = placed.Where(s => s.RightAt is null).ToList();
            if (pending.Count > 0)
            {
                var now = DateTimeOffset.UtcNow;
                await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
                var ids = pending.Where(s => s.ReadAt is null).Select(s => s.OrderId).ToList();
                var read = await db.Set<Order>().Where(o => ids.Contains(o.ExternalId) || ids.Contains(o.OrderNumber))
                    .Select(o => new { o.ExternalId, o.OrderNumber, o.FirstSeenAt }).ToListAsync(CancellationToken.None);
                foreach (var sale in pending.Where(s => s.ReadAt is null))
                    sale.ReadAt = read.FirstOrDefault(o => o.ExternalId == sale.OrderId || o.OrderNumber == sale.OrderId)?.FirstSeenAt;
                var productIds = pending.Select(s => s.ProductId).Distinct().ToList();
                var quantities = await db.Set<Product>().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Quantity, CancellationToken.None);
                var listings = (await db.Set<Listing>().AsNoTracking().Where(l => productIds.Contains(l.ProductId)).ToListAsync(CancellationToken.None)).ToLookup(l => l.ProductId);
                foreach (var sale in pending.Where(s => s.ReadAt is not null))
                    if (listings[sale.ProductId].All(l => l.StockDueAt is null && l.ChannelQuantities.GetValueOrDefault(sale.Sku, -1) == quantities[sale.ProductId]))
                        sale.RightAt = now;
            }
            try
            {
                await Task.Delay(500, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static Dictionary<string, SandboxOrderBook> Books(BenchApp app)
    {
        var emulators = app.Services.GetServices<ISandboxEmulator>().ToList();
        return new()
        {
            ["ebay"] = app.EbayOrders(EbaySandboxAccount.FromName(Seller)),
            ["woocommerce"] = emulators.OfType<WooCommerceEmulator>().Single().Book(),
            ["shopify"] = app.Services.GetRequiredService<SandboxOrderBooks>().Opened("shopify", SandboxAccounts.ShopOf(Seller)),
            ["prestashop"] = emulators.OfType<PrestaShopEmulator>().Single().Book(),
            ["etsy"] = emulators.OfType<EtsyEmulator>().Single().Book(Seller),
            ["amazon"] = emulators.OfType<AmazonOrdersEmulator>().Single().Book(AmazonSandboxAccount.FromName(Seller)),
        };
    }

    private static async Task<Dictionary<Guid, string>> CatalogAsync(BenchApp app, int count)
    {
        var catalog = app.Services.GetRequiredService<ProductCatalog>();
        var images = app.Services.GetRequiredService<ProductImages>();
        var photo = PublishScenario.Photo();
        var skus = new Dictionary<Guid, string>();
        for (var i = 0; i < count; i++)
        {
            var product = new Product { Id = Guid.CreateVersion7(), Sku = $"STOCK-{i:000}", Title = $"Stock product {i}", Currency = "EUR", Price = 10m + i % 50, Quantity = OnHand };
            await using (var bytes = new MemoryStream(photo)) product.Images.Add(await images.StoreAsync(product.Id, "photo.jpg", bytes, CancellationToken.None));
            var saved = await catalog.SaveAsync(product);
            if (!saved.Saved) throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Message)));
            skus[product.Id] = product.Sku;
        }
        return skus;
    }

    /// <summary>Waits until every listing has settled; each one's marketplace id by product and marketplace.</summary>
    private static async Task<Dictionary<(Guid, string), string>> PublishedAsync(BenchApp app, int count)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var listings = await db.Set<Listing>().AsNoTracking().ToListAsync();
            if (listings.Count >= count && listings.All(l => l.State != ListingState.Publishing))
            {
                var notLive = listings.Where(l => l.State != ListingState.Live).ToList();
                if (notLive.Count > 0) throw new InvalidOperationException($"{notLive.Count} listings not live: {notLive[0].Marketplace} {notLive[0].Message}");
                return listings.ToDictionary(l => (l.ProductId, l.Marketplace), l => l.ExternalId!);
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Still publishing after 30 minutes");
            await Task.Delay(1000);
        }
    }
}
