using Marketplaces.Connections;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

/// <summary>Feed runs in the connection history: every "Sync now", and of the schedule's runs only the turns.</summary>
public sealed class SyncHistoryTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    [Fact]
    public async Task Sync_now_records_every_run_with_who_asked_and_what_came_of_it_and_a_skipped_run_records_nothing()
    {
        var (connection, seller) = await app.ConnectEbayAsync("history-sync-now-seller");
        var orders = app.EbayOrders(seller).List().Count;

        var synced = Assert.Single(await app.Engine.SyncConnectionAsync(connection, TestUsers.OwnerEmail));

        var success = Assert.Single(await SyncEventsAsync(connection));
        Assert.Equal((TestUsers.OwnerEmail, true, "ebay"), (success.Actor, success.Succeeded, success.Marketplace));
        Assert.Equal(synced.Message, success.Message);
        Assert.Matches($@"^Synced orders: {orders} new or changed since \d{{4}}-\d\d-\d\d \d\d:\d\d UTC \({synced.Pages} pages?\); {orders} held for this connection\.$",
            success.Message);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            app.EbayOrders(seller).Interrupt(afterPages: 0);
            Assert.Equal(SyncResult.Failed, Assert.Single(await app.Engine.SyncConnectionAsync(connection, TestUsers.OwnerEmail)).Result);
        }

        var events = await SyncEventsAsync(connection);
        Assert.Equal(3, events.Count);
        var cursor = await app.CursorAsync(connection);
        Assert.Contains("30500", cursor.LastError);
        Assert.All(events.Skip(1), failure =>
        {
            Assert.Equal((TestUsers.OwnerEmail, false), (failure.Actor, failure.Succeeded));
            Assert.Equal($"Syncing orders failed: {cursor.LastError}", failure.Message);
        });

        await using (var db = await app.ContextAsync())
        {
            await db.Set<Connection>().Where(c => c.Id == connection)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ConnectionState.ReconnectNeeded));
        }
        Assert.Equal(SyncResult.Skipped, Assert.Single(await app.Engine.SyncConnectionAsync(connection, TestUsers.OwnerEmail)).Result);
        Assert.Equal(3, (await SyncEventsAsync(connection)).Count);
    }

    [Fact]
    public async Task Scheduled_runs_record_only_the_first_failure_of_a_streak_and_the_first_success_after_it()
    {
        var (connection, seller) = await app.ConnectEbayAsync("history-scheduled-seller");
        var sweep = app.Services.GetRequiredService<FeedSweep>();

        await sweep.RunAsync(default);

        Assert.NotNull((await app.CursorAsync(connection)).LastSuccessAt);
        Assert.Empty(await SyncEventsAsync(connection));

        for (var attempt = 0; attempt < FeedStatus.RepeatedFailures; attempt++)
        {
            await app.LastAttemptedAsync(connection, TimeSpan.FromHours(1));
            app.EbayOrders(seller).Interrupt(afterPages: 0);
            await sweep.RunAsync(default);
        }

        var failing = await app.CursorAsync(connection);
        Assert.Equal(FeedStatus.RepeatedFailures, failing.ConsecutiveFailures);
        var failure = Assert.Single(await SyncEventsAsync(connection));
        Assert.Equal((FeedSweep.Actor, false), (failure.Actor, failure.Succeeded));
        Assert.Equal($"Syncing orders failed: {failing.LastError}", failure.Message);
        Assert.Contains("30500", failure.Message);

        await app.LastAttemptedAsync(connection, TimeSpan.FromHours(1));
        await sweep.RunAsync(default);

        Assert.Equal(0, (await app.CursorAsync(connection)).ConsecutiveFailures);
        var events = await SyncEventsAsync(connection);
        Assert.Equal(2, events.Count);
        var recovery = events[1];
        Assert.Equal((FeedSweep.Actor, true), (recovery.Actor, recovery.Succeeded));
        Assert.StartsWith($"Syncing orders works again after {FeedStatus.RepeatedFailures} failed runs: ", recovery.Message);

        var recoveredAt = (await app.CursorAsync(connection)).LastSuccessAt;
        await app.LastAttemptedAsync(connection, TimeSpan.FromHours(1));
        await sweep.RunAsync(default);

        Assert.True((await app.CursorAsync(connection)).LastSuccessAt > recoveredAt);
        Assert.Equal(2, (await SyncEventsAsync(connection)).Count);
    }

    private async Task<List<ConnectionEvent>> SyncEventsAsync(Guid connection)
    {
        await using var db = await app.ContextAsync();
        return await db.Set<ConnectionEvent>().AsNoTracking()
            .Where(e => e.ConnectionId == connection && e.Action == ConnectionAction.Sync).OrderBy(e => e.Id).ToListAsync();
    }
}
