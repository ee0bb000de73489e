using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Ebay.Orders;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Benchmarks;

/// <summary>
/// One eBay sandbox seller with 50,000 orders, emulator rate limits off: the first sync of the orders feed, timed
/// from the first request to the last committed page, against a fetch-only read of the same pages in the same run.
/// </summary>
public static class IngestScenario
{
    private const int Orders = 50_000;
    private const int PageSize = 200;
    private const int WarmupOrders = 10_000;
    private const double TargetShareOfFetchOnly = 0.6;

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        await using var app = new BenchApp(provider);
        app.With("Sandbox:RateLimits:Enabled", "false")
            .With("Polling:Feeds:orders:PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        await app.InitializeAsync();
        app.StopScheduledPolling();

        // Ingest is timed on warm code, as the fetch-only baseline that runs after it is: two untimed first syncs of other
        // sellers come first. One is not enough: the runtime counts calls towards its optimized recompilation only once no
        // new method has been compiled for a moment, so after one sync most of the path is still unoptimized, and the
        // timed sync paid for recompiling it (about 6,000 methods, 2.7 s of a compiler thread's CPU, measured with perf).
        var sellers = await app.ConnectEbayAsync(["bench-warmup", "bench-warmup-again", "bench-seller"]);
        var (connection, seller) = sellers[2];
        async Task WarmUpAsync((Guid Connection, EbaySandboxAccount Seller) warmup)
        {
            var warm = await app.Engine.SyncAsync(warmup.Connection, FeedNames.Orders, "benchmark");
            if (warm.Result != SyncResult.Synced) throw new InvalidOperationException(warm.Message);
        }
        Fill(app, sellers[0].Seller, WarmupOrders);
        await WarmUpAsync(sellers[0]);
        Fill(app, sellers[1].Seller, WarmupOrders);
        Fill(app, seller, Orders);
        await WarmUpAsync(sellers[1]);
        await CompilerSettledAsync();
        var compiledBefore = JitInfo.GetCompiledMethodCount();

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = await app.Engine.SyncAsync(connection, FeedNames.Orders, "benchmark");
        clock.Stop();
        var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        if (outcome.Result != SyncResult.Synced) throw new InvalidOperationException(outcome.Message);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<Order>().CountAsync(o => o.ConnectionId == connection);
        var lines = await db.Set<Order>().Where(o => o.ConnectionId == connection).SelectMany(o => o.Lines).CountAsync();
        if (stored != Orders) throw new InvalidOperationException($"{stored} orders stored, {Orders} expected");

        var (fetchPages, fetchTime) = await FetchOnlyAsync(app, connection);

        var rate = stored / clock.Elapsed.TotalSeconds;
        var fetchRate = stored / fetchTime.TotalSeconds;
        var share = rate / fetchRate;
        var peakMiB = process.PeakWorkingSet64 / 1024.0 / 1024.0;
        return
        [
            new("ingest", $"{rate:0} orders/s", "(see ratio)", null,
                $"{stored} orders ({lines} lines) in {clock.Elapsed.TotalSeconds:0.0} s: one FeedEngine.SyncAsync, {outcome.Pages} pages of {PageSize}, "
                + $"HTTP to the in-process eBay emulator on 127.0.0.1, into {provider.Store()}, rows counted afterwards; process CPU {cpu.TotalSeconds:0.0} s; "
                + $"{compiled} methods compiled during it, after two untimed first syncs of {WarmupOrders} orders"),
            new("ingest", $"{fetchRate:0} orders/s fetch-only", "(baseline)", null,
                $"the same {fetchPages} pages from the same emulator right after the sync, by a bare HttpClient (JSON parsed, nothing stored): "
                + $"{fetchTime.TotalSeconds:0.0} s"),
            new("ingest", $"{share:P0} of fetch-only", $">= {TargetShareOfFetchOnly:P0}", share >= TargetShareOfFetchOnly,
                "ingest orders/s divided by fetch-only orders/s, both in this run"),
            new("ingest", $"{peakMiB:0} MiB peak RSS", "(none set)", null,
                $"Process.PeakWorkingSet64 (VmHWM) of the process holding app + emulator (its 50,000 orders in memory) + harness; {provider.CostIncluded()}"),
        ];
    }

    private static void Fill(BenchApp app, EbaySandboxAccount seller, int orders)
    {
        var book = app.EbayOrders(seller);
        book.AddMany(orders - book.List().Count);
    }

    /// <summary>Until the runtime's background recompilation of what the warm-up made hot has finished.</summary>
    private static async Task CompilerSettledAsync()
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        for (var quiet = 0; quiet < 5;)
        {
            await Task.Delay(200);
            var now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
    }

    /// <summary>The same walk without the app: the pages read and how long the in-process emulator and HTTP took to serve them.</summary>
    private static async Task<(int Pages, TimeSpan Time)> FetchOnlyAsync(BenchApp app, Guid connection)
    {
        var secrets = await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(connection);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secrets[TokenVault.AccessToken]);
        var apiBase = new Uri(app.ServerAddress, "/sandbox/ebay/api").ToString();
        string? next = EbayOrdersFeed.FirstPage(apiBase, DateTimeOffset.UtcNow.AddDays(-90), PageSize);
        var pages = 0;
        var clock = Stopwatch.StartNew();
        while (next is not null)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(next));
            next = json.RootElement.TryGetProperty("next", out var n) ? n.GetString() : null;
            pages++;
        }
        return (pages, clock.Elapsed);
    }
}
