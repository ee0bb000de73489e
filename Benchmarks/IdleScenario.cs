using System.Diagnostics;
using System.Globalization;
using Marketplaces.Database;
using Marketplaces.Jobs;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Benchmarks;

/// <summary>
/// 200 eBay sandbox connections with nothing new, polled by the app's own schedule (Hangfire's recurring job
/// poll-feeds each minute, each connection due every interval): the process's CPU over one whole interval holding
/// exactly one poll of each connection, after a one-minute baseline with nothing due.
/// </summary>
public static class IdleScenario
{
    private const int Connections = 200;
    private const double TargetPercentOfCore = 5;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Baseline = TimeSpan.FromMinutes(1);

    /// <param name="intervalMinutes">5 as issue 4 asks; shorter only to try the scenario out (the figure is then labelled).</param>
    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider, double intervalMinutes)
    {
        var interval = TimeSpan.FromMinutes(intervalMinutes);
        if (interval <= Settle + Baseline + TimeSpan.FromSeconds(30))
            throw new ArgumentOutOfRangeException(nameof(intervalMinutes), "The interval must leave room for the baseline before the polls fall due.");
        await using var app = new BenchApp(provider);
        app.With("Polling:Feeds:orders:IntervalMinutes", intervalMinutes.ToString(CultureInfo.InvariantCulture));
        await app.InitializeAsync();
        app.StopScheduledPolling();

        var setup = Stopwatch.StartNew();
        var sellers = await app.ConnectEbayAsync(Enumerable.Range(1, Connections).Select(i => $"bench-idle-{i:000}"));
        var connectSeconds = setup.Elapsed.TotalSeconds;
        // First syncs (each seller's seeded orders), so that what the measured interval polls has nothing new.
        foreach (var (connection, _) in sellers)
        {
            var outcome = await app.Engine.SyncAsync(connection, FeedNames.Orders, "benchmark");
            if (outcome.Result != SyncResult.Synced) throw new InvalidOperationException(outcome.Message);
        }
        var warmedUp = Stopwatch.StartNew();
        var warmUpSeconds = setup.Elapsed.TotalSeconds - connectSeconds;
        RecurringJobs.Declare(app.RecurringJobs);

        // Every connection falls due one interval after its warm-up sync, i.e. after Settle + Baseline: the window
        // below starts before the first falls due and ends before any falls due a second time.
        await Task.Delay(Settle);
        var baseline = await MeasureAsync(app, sellers, Baseline);
        var window = await MeasureAsync(app, sellers, interval);
        var sinceWarmUp = warmedUp.Elapsed;

        var percent = window.PercentOfCore;
        var projected = intervalMinutes == 5 ? "" : $" (interval shortened to {intervalMinutes} min: at 5 min, about {Projection(baseline, window, interval):0.00}% projected)";
        var how = $"{Connections} sandbox connections made over HTTP in {connectSeconds:0} s and synced once in {warmUpSeconds:0} s; then Hangfire's recurring job "
                  + $"poll-feeds (each minute) with orders due every {intervalMinutes} min; Process.TotalProcessorTime over one {interval.TotalMinutes:0.#}-min window holding "
                  + $"{window.Polls} polls, app + in-process emulator; {provider.CostIncluded()}; "
                  + $"window ended {sinceWarmUp.TotalMinutes:0.0} min after the warm-up";
        return
        [
            new("idle", $"{percent:0.00}% of one core{projected}", $"< {TargetPercentOfCore:0}%", percent < TargetPercentOfCore && window.Polls == Connections, how),
            new("idle", $"{baseline.PercentOfCore:0.00}% of one core", "(baseline)", null,
                $"the same, over the {Baseline.TotalMinutes:0}-min before any connection was due ({baseline.Polls} polls): Hangfire's server and its recurring jobs poll-feeds and token-refresh, Kestrel"),
        ];
    }

    private sealed record Window(TimeSpan Wall, TimeSpan Cpu, int Polls)
    {
        public double PercentOfCore => 100 * Cpu / Wall;
    }

    private static async Task<Window> MeasureAsync(BenchApp app, List<(Guid Connection, Ebay.Sandbox.EbaySandboxAccount Seller)> sellers, TimeSpan length)
    {
        int Polls() => sellers.Sum(s => app.EbayOrders(s.Seller).Requests().Count);
        var process = Process.GetCurrentProcess();
        var polls = Polls();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(length);
        process.Refresh();
        return new Window(clock.Elapsed, process.TotalProcessorTime - cpu, Polls() - polls);
    }

    /// <summary>The baseline's rate for the whole interval plus the polls' extra CPU, spread over 5 minutes.</summary>
    private static double Projection(Window baseline, Window window, TimeSpan interval)
    {
        var pollCpu = window.Cpu - baseline.Cpu / baseline.Wall * window.Wall;
        var fiveMinutes = TimeSpan.FromMinutes(5);
        return 100 * (baseline.Cpu / baseline.Wall * fiveMinutes + pollCpu) / fiveMinutes;
    }
}
