using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Ebay.Orders;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Benchmarks;

/// <summary>
/// One eBay sandbox seller with 50,000 orders, emulator rate limits off: the first sync of the orders feed, timed
/// from the first request to the last committed page.
/// </summary>
public static class IngestScenario
{
    private const int Orders = 50_000;
    private const int PageSize = 200;
    private const double TargetPerSecond = 2_000;

    public static async Task<IReadOnlyList<Figure>> RunAsync()
    {
        await using var app = new BenchApp();
        app.With("Sandbox:RateLimits:Enabled", "false")
            .With("Polling:Feeds:orders:PageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        await app.InitializeAsync();
        app.StopScheduledPolling();

        var (connection, seller) = (await app.ConnectEbayAsync(["bench-seller"])).Single();
        var book = app.EbayOrders(seller);
        book.AddMany(Orders - book.List().Count);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var outcome = await app.Engine.SyncAsync(connection, FeedNames.Orders, "benchmark");
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        if (outcome.Result != SyncResult.Synced) throw new InvalidOperationException(outcome.Message);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<Database.AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<Order>().CountAsync(o => o.ConnectionId == connection);
        var lines = await db.Set<Order>().Where(o => o.ConnectionId == connection).SelectMany(o => o.Lines).CountAsync();
        if (stored != Orders) throw new InvalidOperationException($"{stored} orders stored, {Orders} expected");

        var emulatorOnly = await EmulatorWalkAsync(app, connection);

        var rate = stored / clock.Elapsed.TotalSeconds;
        var peakMiB = process.PeakWorkingSet64 / 1024.0 / 1024.0;
        return
        [
            new("ingest", $"{rate:0} orders/s", $">= {TargetPerSecond:0} orders/s", rate >= TargetPerSecond,
                $"{stored} orders ({lines} lines) in {clock.Elapsed.TotalSeconds:0.0} s: one FeedEngine.SyncAsync, {outcome.Pages} pages of {PageSize}, "
                + $"HTTP to the in-process eBay emulator on 127.0.0.1, rows counted in PostgreSQL afterwards; process CPU {cpu.TotalSeconds:0.0} s"),
            new("ingest", $"{peakMiB:0} MiB peak RSS", "(none set)", null,
                "Process.PeakWorkingSet64 (VmHWM) of the process holding app + emulator (its 50,000 orders in memory) + harness; PostgreSQL not included"),
            new("ingest", $"{emulatorOnly.TotalSeconds:0.0} s of the {clock.Elapsed.TotalSeconds:0.0} s", "(diagnostic)", null,
                "the emulator's share: the same 250 pages fetched again by a bare HttpClient (JSON parsed, nothing stored) after the sync; "
                + $"without it the app alone would reach about {stored / Math.Max(0.001, (clock.Elapsed - emulatorOnly).TotalSeconds):0} orders/s"),
        ];
    }

    /// <summary>The same walk without the app: how long the in-process emulator and HTTP take to serve the pages.</summary>
    private static async Task<TimeSpan> EmulatorWalkAsync(BenchApp app, Guid connection)
    {
        var secrets = await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(connection);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secrets[TokenVault.AccessToken]);
        var apiBase = new Uri(app.ServerAddress, "/sandbox/ebay/api").ToString();
        string? next = EbayOrdersFeed.FirstPage(apiBase, DateTimeOffset.UtcNow.AddDays(-90), PageSize);
        var clock = Stopwatch.StartNew();
        while (next is not null)
        {
            using var json = JsonDocument.Parse(await http.GetStringAsync(next));
            next = json.RootElement.TryGetProperty("next", out var n) ? n.GetString() : null;
        }
        return clock.Elapsed;
    }
}
