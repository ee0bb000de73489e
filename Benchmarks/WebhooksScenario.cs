using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marketplaces.Database;
using Marketplaces.Jobs;
using Marketplaces.Orders;
using Marketplaces.Sandbox;
using Marketplaces.Shopify.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Benchmarks;

/// <summary>
/// Issue 17's webhook intake and delay. Intake: a burst of 10,000 signed Shopify <c>orders/updated</c> deliveries
/// (~1.5 KB each, a tenth of them retries of a delivery already sent) posted 16 at a time to the app's endpoint;
/// deliveries accepted and stored per second, and the duplicates stored (must be none). Its baseline, in the same run:
/// the same burst forged (the signature checked and refused, nothing stored), which is HTTP and HMAC alone. Delay:
/// orders created one at a time on the Shopify emulator, from creation to the row in the orders table, by webhook
/// (subscribed on connect) and then, the subscriptions removed, by the app's minutely poll (the baseline).
/// <c>BENCH_WEBHOOK_BURST</c> and <c>BENCH_WEBHOOK_POLLED</c> set other sizes.
/// </summary>
public static class WebhooksScenario
{
    private const string Account = "bench-hooks";
    private const int Parallel = 16;

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : fallback;

    public static async Task<IReadOnlyList<Figure>> RunAsync(DatabaseProvider provider)
    {
        var (burst, polled) = (Setting("BENCH_WEBHOOK_BURST", 10_000), Setting("BENCH_WEBHOOK_POLLED", 10));
        await using var app = new BenchApp(provider);
        app.With("Webhooks:Subscribe", "true");
        app.With("Polling:Feeds:orders:IntervalMinutes", "1");
        await app.InitializeAsync();
        app.StopScheduledPolling();
        await app.EnsureOwnerAsync();
        var connection = await SandboxAccounts.ConnectAsync(app, "shopify", Account);
        var shop = SandboxAccounts.ShopOf(Account);
        var emulator = app.Services.GetServices<ISandboxEmulator>().OfType<ShopifyEmulator>().Single();
        await Until(() => Task.FromResult(emulator.Webhooks.List(shop).Count() == 2));
        await app.Engine.SyncConnectionAsync(connection, "bench");
        var address = app.Services.GetRequiredService<WebhookSubscriptions>().Address("shopify");
        var secret = await emulator.Webhooks.SecretAsync(CancellationToken.None);

        var deliveries = Deliveries(burst);
        var forged = await PostAllAsync(emulator, shop, address, deliveries, "forged-secret");
        var before = await StoredAsync(app);
        var accepted = await PostAllAsync(emulator, shop, address, deliveries, secret);
        var stored = await StoredAsync(app) - before;
        var unique = deliveries.Select(d => d.Id).Distinct().Count();

        var byWebhook = await DelaysAsync(app, emulator, shop, connection, 20, TimeSpan.FromSeconds(1));
        foreach (var hook in emulator.Webhooks.List(shop).ToList()) app.Services.GetRequiredService<Sandbox.Webhooks.SandboxWebhooks>().Remove("shopify", shop, hook.Id);
        RecurringJobs.Declare(app.RecurringJobs);
        var byPoll = await DelaysAsync(app, emulator, shop, connection, polled, TimeSpan.FromSeconds(17));

        var rate = burst / accepted.Elapsed.TotalSeconds;
        var scenario = "webhooks";
        return
        [
            new Figure(scenario, $"{rate:0} deliveries/s accepted and stored ({accepted.Ok} of {burst} answered 200 in {accepted.Elapsed.TotalSeconds:0.0} s); baseline forged: {burst / forged.Elapsed.TotalSeconds:0}/s ({forged.Refused} refused)",
                "≥ 500/s", rate >= 500 && accepted.Ok == burst, $"{burst} signed orders/updated of ~1.5 KB, {Parallel} at a time over HTTP on 127.0.0.1, the processing job running meanwhile"),
            new Figure(scenario, $"{stored} stored of {burst} deliveries, {unique} distinct ({(burst - unique) * 100.0 / burst:0.0}% retries)", "each distinct once",
                stored == unique, "rows added to webhook_events; a retry repeats an X-Shopify-Webhook-Id sent before"),
            new Figure(scenario, $"order to row by webhook p50 {Percentile(byWebhook, 0.5):0.00} s, p95 {Percentile(byWebhook, 0.95):0.00} s; by poll (baseline) p50 {Percentile(byPoll, 0.5):0.0} s, p95 {Percentile(byPoll, 0.95):0.0} s",
                "webhook faster", Percentile(byWebhook, 0.95) < Percentile(byPoll, 0.5), $"{byWebhook.Count} orders one a second, then {byPoll.Count} with the subscriptions removed and the feed polled every minute"),
        ];
    }

    private sealed record Delivery(string Id, byte[] Body);

    private sealed record Burst(TimeSpan Elapsed, int Ok, int Refused);

    /// <summary>Deliveries in sending order, a tenth of them a retry of one sent earlier (same id and body).</summary>
    private static List<Delivery> Deliveries(int count)
    {
        var random = new Random(17);
        var sent = new List<Delivery>(count);
        var padding = new string('x', 1_200);
        for (var i = 0; i < count; i++)
        {
            if (i > 10 && random.Next(10) == 0)
            {
                sent.Add(sent[random.Next(sent.Count)]);
                continue;
            }
            var body = Encoding.UTF8.GetBytes($$"""{"id":{{5_200_000_000_000L + i}},"name":"#{{i}}","total_price":"19.90","currency":"EUR","note":"{{padding}}"}""");
            sent.Add(new Delivery(Guid.NewGuid().ToString(), body));
        }
        return sent;
    }

    private static async Task<Burst> PostAllAsync(ShopifyEmulator emulator, string shop, string address, List<Delivery> deliveries, string secret)
    {
        var (ok, refused, next) = (0, 0, -1);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) is var i && i < deliveries.Count)
            {
                var status = await emulator.Webhooks.SendAsync(shop, address, "orders/updated", deliveries[i].Body, secret, deliveries[i].Id);
                if (status == 200) Interlocked.Increment(ref ok);
                else if (status == 401) Interlocked.Increment(ref refused);
            }
        }));
        return new Burst(clock.Elapsed, ok, refused);
    }

    /// <summary>Orders created one per <paramref name="every"/>, each timed from creation to its row.</summary>
    private static async Task<List<double>> DelaysAsync(BenchApp app, ShopifyEmulator emulator, string shop, Guid connection, int count, TimeSpan every)
    {
        var pending = new List<(string Id, Stopwatch Since)>();
        var delays = new List<double>();
        var next = Stopwatch.StartNew();
        var deadline = Stopwatch.StartNew();
        while ((pending.Count > 0 || delays.Count + pending.Count < count) && deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (delays.Count + pending.Count < count && (pending.Count + delays.Count == 0 || next.Elapsed >= every))
            {
                pending.Add((emulator.Book(shop).Add().Id, Stopwatch.StartNew()));
                next.Restart();
            }
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                var ids = pending.Select(p => p.Id).ToList();
                var seen = await db.Set<Order>().Where(o => o.ConnectionId == connection && ids.Contains(o.ExternalId)).Select(o => o.ExternalId).ToListAsync();
                foreach (var found in pending.Where(p => seen.Contains(p.Id)).ToList())
                {
                    delays.Add(found.Since.Elapsed.TotalSeconds);
                    pending.Remove(found);
                }
            }
            await Task.Delay(50);
        }
        return delays;
    }

    private static async Task<int> StoredAsync(BenchApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<WebhookEvent>().CountAsync();
    }

    private static async Task Until(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("not subscribed");
            await Task.Delay(200);
        }
    }

    private static double Percentile(List<double> values, double share)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
