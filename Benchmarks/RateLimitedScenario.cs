using System.Diagnostics;
using System.Globalization;
using Marketplaces.Database;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Benchmarks;

/// <summary>
/// The same small limit on both sides, the app's limiter (catalog group sell.fulfillment) and the emulator's
/// enforcement: a many-page sync, its getOrders calls per second against the allowed rate, and the emulator's 429s.
/// </summary>
public static class RateLimitedScenario
{
    private const double AllowedPerSecond = 5;
    private const int PageSize = 10;
    private const int Pages = 150;
    private const double TargetFraction = 0.9;

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        var rate = AllowedPerSecond.ToString(CultureInfo.InvariantCulture);
        await using var app = new BenchApp(provider);
        app.With("Polling:Feeds:orders:PageSize", PageSize.ToString(CultureInfo.InvariantCulture))
            .With("Catalog:ebay:RateLimits:Groups:sell.fulfillment:RatePerSecond", rate)
            .With("Catalog:ebay:RateLimits:Groups:sell.fulfillment:Burst", "1")
            .With("Sandbox:RateLimits:Limits:ebay:RatePerSecond", rate)
            .With("Sandbox:RateLimits:Limits:ebay:Burst", "1");
        await app.InitializeAsync();
        app.StopScheduledPolling();

        var (connection, seller) = (await app.ConnectEbayAsync(["bench-limited-seller"])).Single();
        var book = app.EbayOrders(seller);
        book.AddMany(Pages * PageSize - book.List().Count);
        // The connect's identity call has a gate of its own; let every bucket fill before the timed run.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var cold = await SyncAsync(app, connection, seller, "first sync, new HTTP connection");
        // The window's overlap re-reads every order, so a second sync walks the same pages on a warm app; it waits
        // first for the limiter to recover from any slow-down a 429 in the first sync taught it.
        await Task.Delay(TimeSpan.FromSeconds(65));
        var warm = await SyncAsync(app, connection, seller, "second sync, warm, 65 s later");
        return [.. cold, .. warm];
    }

    private static async Task<Figure[]> SyncAsync(BenchApp app, Guid connection, Ebay.Sandbox.EbaySandboxAccount seller, string label)
    {
        var servedBefore = app.EbayOrders(seller).Requests().Count;
        var refusedBefore = app.Journal.Count("ebay", "429");
        var clock = Stopwatch.StartNew();
        var outcome = await app.Engine.SyncAsync(connection, FeedNames.Orders, "benchmark");
        clock.Stop();
        if (outcome.Result != SyncResult.Synced) throw new InvalidOperationException(outcome.Message);

        var served = app.EbayOrders(seller).Requests().Count - servedBefore;
        var refused = app.Journal.Count("ebay", "429") - refusedBefore;
        // With a burst of 1 the first call goes at once and each later one waits 1/rate: N calls need (N-1)/rate.
        var achieved = (served - 1) / clock.Elapsed.TotalSeconds;
        var fraction = achieved / AllowedPerSecond;
        var how = $"{label}: {served} getOrders calls ({outcome.Items} orders, pages of {PageSize}) in {clock.Elapsed.TotalSeconds:0.0} s, "
                  + $"limit {AllowedPerSecond:0}/s burst 1 set on both sides (Catalog:ebay:RateLimits:Groups:sell.fulfillment, Sandbox:RateLimits:Limits:ebay); "
                  + "rate = (calls - 1) / sync time; calls counted by the emulator";
        return
        [
            new("rate-limited", $"{fraction:P1} of allowed ({achieved:0.00}/s of {AllowedPerSecond:0}/s)", $">= {TargetFraction:P0}", fraction >= TargetFraction, how),
            new("rate-limited", $"{refused} x 429", "0", refused == 0, $"{label}: SandboxJournal.Count(\"ebay\", \"429\") during the sync"),
        ];
    }
}
