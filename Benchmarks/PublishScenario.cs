using System.Diagnostics;
using Marketplaces.Database;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Marketplaces.Benchmarks;

/// <summary>
/// Issue 15's publish: 1,000 catalog products (every third with 3 variants, each with one photo, priced in euros so
/// that PrestaShop's shop takes them and eBay lists them on EBAY_DE) published to each of the six sandbox
/// marketplaces, one after the other, with the sandbox's rate limits on. Per marketplace: time until every listing has
/// settled, the calls the app made, the refusals (429, and Shopify's THROTTLED), the listings that went live, and on
/// the marketplaces limited per second the share of the allowed rate used (Shopify's points, Amazon's
/// putListingsItem 5/s with a burst of 10, Etsy's 10 calls a second). <c>BENCH_PUBLISH_PRODUCTS</c> sets another count,
/// <c>BENCH_PUBLISH_TO</c> a comma-separated subset of marketplaces. Peak memory of the whole process at the end.
/// </summary>
public static class PublishScenario
{
    private static readonly int Products = int.TryParse(Environment.GetEnvironmentVariable("BENCH_PUBLISH_PRODUCTS"), out var count) ? count : 1_000;

    /// <summary>What each marketplace needs chosen before it can list a bench product ("Bench product 7" names no category).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Settings = new()
    {
        ["ebay"] = new() { ["marketplace"] = "EBAY_DE", ["postalCode"] = "10115" },
        ["etsy"] = new() { ["taxonomy_id"] = "119" },
    };

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        var counter = new MarketplaceCallCounter();
        await using var app = new BenchApp(provider);
        app.Counting(counter);
        await app.InitializeAsync();
        app.StopScheduledPolling();
        var wanted = Environment.GetEnvironmentVariable("BENCH_PUBLISH_TO")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     ?? ["woocommerce", "shopify", "ebay", "etsy", "amazon", "prestashop"];
        var connections = new List<(string Marketplace, Guid Connection)>();
        foreach (var marketplace in wanted)
        {
            var connection = await SandboxAccounts.ConnectAsync(app, marketplace, marketplace is "woocommerce" or "prestashop" ? "main" : "bench-publish-shop");
            if (Settings.TryGetValue(marketplace, out var settings)) await app.Services.GetRequiredService<ListingPublishes>().SaveSettingsAsync(connection, settings);
            connections.Add((marketplace, connection));
        }
        var products = await CatalogAsync(app);

        var figures = new List<Figure>();
        foreach (var (marketplace, connection) in connections)
        {
            var callsBefore = counter.Calls(marketplace);
            var putsBefore = counter.Calls(marketplace, HttpMethod.Put);
            var throttledBefore = app.Journal.Count(marketplace, "THROTTLED");
            var publishes = app.Services.GetRequiredService<ListingPublishes>();
            var clock = Stopwatch.StartNew();
            await publishes.RequestAsync(products, [connection], "benchmark");
            var states = await SettledAsync(app, connection, products.Count);
            clock.Stop();
            var calls = counter.Calls(marketplace) - callsBefore;
            var throttled = app.Journal.Count(marketplace, "THROTTLED") - throttledBefore;
            var live = states.GetValueOrDefault(ListingState.Live);
            var refused = counter.Refused(marketplace) + throttled;
            figures.Add(new($"publish {marketplace}", $"{Products / clock.Elapsed.TotalSeconds:0.0} products/s", "(none set)", null,
                $"{Products} products ({(Products + 2) / 3} with 3 variants, one photo each) in {clock.Elapsed.TotalSeconds:0.0} s: {calls} calls "
                + $"({calls / clock.Elapsed.TotalSeconds:0.0}/s), {live} live, {states.Where(s => s.Key != ListingState.Live).Sum(s => s.Value)} not; "
                + "jobs on Hangfire's 4 workers"));
            if (marketplace == "shopify") figures.Add(await PointsAsync(app, connection, clock.Elapsed));
            if (marketplace == "amazon") figures.Add(Share("publish amazon", counter.Calls(marketplace, HttpMethod.Put) - putsBefore, 10 + 5 * clock.Elapsed.TotalSeconds,
                "putListingsItem calls of the 10 + 5/s × the run's seconds its limit allowed (the operation the publish waits on most)"));
            if (marketplace == "etsy") figures.Add(Share("publish etsy", calls, 10 * clock.Elapsed.TotalSeconds, "calls of the 10 a second Etsy allows the application"));
            figures.Add(new($"publish {marketplace}", $"{refused} refused", "0", refused == 0,
                $"429 answers seen by the app's HTTP pipeline plus Shopify THROTTLED answers counted by the sandbox; sandbox limits on"));
        }
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        figures.Add(new("publish", $"{peak:0} MiB peak RSS", "(none set)", null, "Process.PeakWorkingSet64 of the process holding app, emulators and harness"));
        return figures;
    }

    private static Figure Share(string scenario, int used, double allowed, string what) =>
        new(scenario, $"{used / allowed:P0} of the allowed rate", ">= 90 %", used / allowed >= 0.9, $"{used} {what}: {allowed:0}");

    /// <summary>
    /// Shopify limits points, not calls (shopify.md §6): the shop's bucket (2,000, full when the run starts) and what it
    /// restored (100 a second) against what the run spent, read from the bucket's level right after the run.
    /// </summary>
    private static async Task<Figure> PointsAsync(BenchApp app, Guid connection, TimeSpan elapsed)
    {
        var secrets = await app.Services.GetRequiredService<Marketplaces.Connections.ConnectionStore>().ReadSecretsAsync(connection);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(app.ServerAddress, $"/sandbox/shopify/{SandboxAccounts.ShopOf("bench-publish-shop")}/admin/api/2026-10/graphql.json"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ shop { name } }" }),
        };
        request.Headers.Add(Marketplaces.Shopify.ShopifyAdminGraphQl.AccessTokenHeader, secrets[Marketplaces.Connections.TokenVault.AccessToken]);
        using var response = await http.SendAsync(request);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var cost = json.RootElement.GetProperty("extensions").GetProperty("cost");
        var status = cost.GetProperty("throttleStatus");
        var (size, rate) = (status.GetProperty("maximumAvailable").GetDouble(), status.GetProperty("restoreRate").GetDouble());
        var left = status.GetProperty("currentlyAvailable").GetDouble() + cost.GetProperty("actualQueryCost").GetDouble();
        var allowed = size + rate * elapsed.TotalSeconds;
        var spent = allowed - left;
        var share = spent / allowed;
        return new("publish shopify", $"{share:P0} of the allowed points", ">= 90 %", share >= 0.9,
            $"{spent:0} points spent of {allowed:0} the limit allowed (bucket {size:0} + {rate:0}/s × {elapsed.TotalSeconds:0.0} s; the level read right after the run)");
    }

    private static async Task<List<Guid>> CatalogAsync(BenchApp app)
    {
        var catalog = app.Services.GetRequiredService<ProductCatalog>();
        var images = app.Services.GetRequiredService<ProductImages>();
        var photo = Photo();
        var ids = new List<Guid>();
        for (var i = 0; i < Products; i++)
        {
            var product = new Product { Id = Guid.CreateVersion7(), Sku = $"BENCH-{i:0000}", Title = $"Bench product {i}", Currency = "EUR", Price = 10m + i % 50, Quantity = i % 7 };
            await using (var bytes = new MemoryStream(photo)) product.Images.Add(await images.StoreAsync(product.Id, "photo.jpg", bytes, CancellationToken.None));
            if (i % 3 == 0)
            {
                product.Options = [new ProductOption { Name = "Size", Values = ["S", "M", "L"] }];
                product.Variants = VariantCombinations.For(product);
                // In stock: eBay lists nothing with none (its out-of-stock control is not this benchmark's subject).
                product.Variants.ForEach(v => v.Quantity = 1 + i % 5);
            }
            var saved = await catalog.SaveAsync(product);
            if (!saved.Saved) throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Message)));
            ids.Add(product.Id);
        }
        return ids;
    }

    internal static byte[] Photo()
    {
        using var surface = SKSurface.Create(new SKImageInfo(800, 800));
        surface.Canvas.Clear(SKColors.SteelBlue);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    private static async Task<Dictionary<ListingState, int>> SettledAsync(BenchApp app, Guid connection, int count)
    {
        var contexts = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>();
        var deadline = DateTime.UtcNow.AddMinutes(20);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var states = db.Set<Listing>().Where(l => l.ConnectionId == connection).GroupBy(l => l.State).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionary(g => g.Key, g => g.Count);
            if (states.Values.Sum() >= count && !states.ContainsKey(ListingState.Publishing)) return states;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still publishing after 20 minutes: {string.Join(", ", states)}");
            await Task.Delay(500);
        }
    }
}
