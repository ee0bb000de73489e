using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Marketplaces.Database;
using Marketplaces.Jobs;
using Marketplaces.Orders;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

/// <summary>When feeds run: every interval, once after downtime, and from the scheduled job.</summary>
public sealed class PollScheduleTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    [Fact]
    public async Task A_feed_is_due_once_its_interval_has_passed_and_runs_once_however_many_were_missed()
    {
        var (connection, seller) = await app.ConnectEbayAsync("downtime-seller");
        var sweep = app.Services.GetRequiredService<FeedSweep>();
        Assert.Contains((connection, FeedNames.Orders), await sweep.DueAsync(DateTimeOffset.UtcNow, default));
        await app.SyncOrdersAsync(connection);
        Assert.DoesNotContain((connection, FeedNames.Orders), await sweep.DueAsync(DateTimeOffset.UtcNow, default));
        // Down for an hour: twelve 5-minute intervals missed.
        await app.LastAttemptedAsync(connection, TimeSpan.FromHours(1));
        var requests = app.EbayOrders(seller).Requests().Count;

        await sweep.RunAsync(default);

        Assert.Equal(requests + 1, app.EbayOrders(seller).Requests().Count);
        Assert.DoesNotContain((connection, FeedNames.Orders), await sweep.DueAsync(DateTimeOffset.UtcNow, default));
        Assert.Contains((connection, FeedNames.Orders), await sweep.DueAsync(DateTimeOffset.UtcNow.AddMinutes(5), default));
    }

    [Fact]
    public async Task One_connection_failing_does_not_stop_the_sweep_from_syncing_the_others()
    {
        var (failing, broken) = await app.ConnectEbayAsync("sweep-broken-seller");
        var (healthy, _) = await app.ConnectEbayAsync("sweep-healthy-seller");
        app.EbayOrders(broken).Interrupt(afterPages: 0);

        var result = await app.Services.GetRequiredService<FeedSweep>().RunAsync(default);

        Assert.True(result.Failed >= 1 && result.Synced >= 1, result.ToString());
        Assert.Equal(1, (await app.CursorAsync(failing)).ConsecutiveFailures);
        Assert.NotNull((await app.CursorAsync(healthy)).LastSuccessAt);
        Assert.NotEmpty(await app.StoredOrdersAsync(healthy));
    }

    [Fact]
    public async Task A_connection_whose_every_page_is_slow_holds_one_slot_and_the_others_are_synced_meanwhile()
    {
        var (slow, slowSeller) = await app.ConnectEbayAsync("sweep-slow-seller");
        var (quick, _) = await app.ConnectEbayAsync("sweep-quick-seller");
        await app.SyncOrdersAsync(slow);
        await app.SyncOrdersAsync(quick);
        // The slow one is the longest waiting, so a one-at-a-time sweep would take it first and hold everyone behind it.
        await app.LastAttemptedAsync(slow, TimeSpan.FromHours(2));
        await app.LastAttemptedAsync(quick, TimeSpan.FromHours(1));
        var quickBefore = (await app.CursorAsync(quick)).LastSuccessAt;
        app.EbayOrders(slowSeller).SendNextPage(own =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(4));
            return own;
        });

        var sweep = app.Services.GetRequiredService<FeedSweep>().RunAsync(default);
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while ((await app.CursorAsync(quick)).LastSuccessAt == quickBefore && DateTime.UtcNow < deadline) await Task.Delay(100);

        Assert.NotEqual(quickBefore, (await app.CursorAsync(quick)).LastSuccessAt);
        Assert.False(sweep.IsCompleted, "the slow connection's first page takes 4 s");
        app.EbayOrders(slowSeller).SendNextPage(null);
        await sweep;
    }

    [Fact]
    public void The_poll_job_runs_each_minute_and_once_for_all_the_minutes_missed_while_the_app_was_down()
    {
        // Declared into a storage of its own: the fixture's app keeps its poll schedule removed.
        var storage = new SQLiteStorage(Path.Combine(app.DataDirectory, "declared-jobs.db"), new SQLiteStorageOptions());
        RecurringJobs.Declare(new RecurringJobManager(storage));
        using var connection = storage.GetConnection();

        var job = Assert.Single(connection.GetRecurringJobs([PollFeedsJob.Id]));

        Assert.Equal(Cron.Minutely(), job.Cron);
        // Relaxed (Hangfire's default, stored as no value): one run however many occurrences were missed.
        var misfire = connection.GetAllEntriesFromHash($"recurring-job:{PollFeedsJob.Id}").GetValueOrDefault("Misfire");
        Assert.True(misfire is null || misfire == ((int)MisfireHandlingMode.Relaxed).ToString(System.Globalization.CultureInfo.InvariantCulture), misfire);
    }

    [Fact]
    public async Task The_orders_interval_defaults_to_five_minutes_and_follows_configuration()
    {
        var feed = app.Engine.FeedsFor("ebay").Single(f => f.Name == FeedNames.Orders);
        Assert.Equal(TimeSpan.FromMinutes(5), app.Engine.Options.Interval(feed));

        var configured = new PollingOptions { Feeds = { ["orders"] = new FeedOptions { IntervalMinutes = 15 } } };
        Assert.Equal(TimeSpan.FromMinutes(15), configured.Interval(feed));
    }
}

/// <summary>The scheduled job, in an app of its own with the schedule running.</summary>
public sealed class PollFeedsJobTests
{
    [Fact]
    public async Task Triggering_the_recurring_job_syncs_connected_accounts_and_keeps_its_result()
    {
        await using var app = new ServerAppFactory();
        await app.InitializeAsync();
        // Only the trigger below runs the job: a minute turning between the connect and the trigger ran it first once
        // (the trigger's run then found nothing due).
        app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<PollFeedsJob>(PollFeedsJob.Id, j => j.RunAsync(CancellationToken.None), Cron.Never());
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var connection = Guid.Parse((await browser.ConnectAsync("ebay", sandboxAccount: "scheduled-seller"))["connected"]);

        var (state, data) = await app.TriggerAndWaitAsync(PollFeedsJob.Id);

        Assert.Equal(SucceededState.StateName, state);
        Assert.Contains(", 1 synced", data["Result"]);
        await using var check = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.True(await check.Set<Order>().CountAsync(o => o.ConnectionId == connection) >= 3);
    }
}
