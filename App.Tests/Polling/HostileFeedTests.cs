using Marketplaces.Connections;
using Marketplaces.Polling;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

/// <summary>
/// What a marketplace may send and the emulators otherwise never do (issue 11): a next link that cannot be followed,
/// a page token that comes back. The run fails in words, nothing bad becomes the cursor, and the next run recovers.
/// </summary>
public sealed class HostileFeedTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    [Fact]
    public async Task A_next_link_that_is_not_a_link_fails_the_run_in_words_and_never_becomes_the_cursor()
    {
        var (connection, seller) = await app.ConnectEbayAsync("relative-next-seller");
        var book = app.EbayOrders(seller);
        for (var i = 0; i < 5; i++) book.Add();
        book.SendNextPage(own => own is null ? null : "/sell/fulfillment/v1/order?limit=3&offset=3");

        var failed = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Failed, failed.Result);
        Assert.Contains("next page is not a link that can be followed", failed.Message);
        Assert.Null((await app.CursorAsync(connection)).PageToken);

        book.SendNextPage(null);
        var recovered = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, recovered.Result);
        Assert.Equal(book.List().Select(o => o.Id).Order(), (await app.StoredOrdersAsync(connection)).Select(o => o.ExternalId).Order());
    }

    [Fact]
    public async Task A_page_token_sent_again_ends_the_walk_instead_of_looping_and_the_window_is_read_again_next_time()
    {
        var (connection, seller) = await app.ConnectEbayAsync("looping-next-seller");
        var book = app.EbayOrders(seller);
        for (var i = 0; i < 8; i++) book.Add();
        string? second = null;
        book.SendNextPage(own => own is null ? null : second ??= own);

        var failed = await app.SyncOrdersAsync(connection).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(SyncResult.Failed, failed.Result);
        Assert.Contains("already sent in this walk", failed.Message);
        Assert.Equal(2, book.Requests().Count);
        var cursor = await app.CursorAsync(connection);
        Assert.Null(cursor.WindowFrom);

        book.SendNextPage(null);
        var recovered = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, recovered.Result);
        Assert.DoesNotContain("offset=", book.Requests()[2].Replace("offset=0", ""));
        Assert.Equal(book.List().Select(o => o.Id).Order(), (await app.StoredOrdersAsync(connection)).Select(o => o.ExternalId).Order());
    }
}

public sealed class StuckFeedTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    [Fact]
    public async Task A_feed_still_failing_after_its_window_was_read_again_needs_attention_with_the_reason()
    {
        var (connection, seller) = await app.ConnectEbayAsync("stuck-feed-seller");
        var book = app.EbayOrders(seller);
        for (var i = 0; i < 5; i++) book.Add();
        book.SendNextPage(own => own is null ? null : "not a link");
        var statuses = app.Services.GetRequiredService<FeedStatuses>();
        async Task<FeedStatus> OrdersFeedAsync() =>
            (await statuses.ForAsync((await app.Services.GetRequiredService<ConnectionStore>().FindAsync(connection))!)).Single(f => f.Feed == "orders");

        var restartAfter = app.Engine.Options.RestartWindowAfterFailures;
        for (var i = 0; i < restartAfter; i++) await app.SyncOrdersAsync(connection);
        var failing = await OrdersFeedAsync();
        Assert.True(failing.ShowsError);
        Assert.False(failing.NeedsAttention);

        for (var i = 0; i < restartAfter; i++) await app.SyncOrdersAsync(connection);
        var stuck = await OrdersFeedAsync();
        Assert.True(stuck.NeedsAttention);
        Assert.Contains("next page is not a link that can be followed", stuck.LastError);

        book.SendNextPage(null);
        Assert.Equal(SyncResult.Synced, (await app.SyncOrdersAsync(connection)).Result);
        Assert.False((await OrdersFeedAsync()).NeedsAttention);
    }
}

public sealed class ShortRunBudgetFixture : PollingFixture
{
    public ShortRunBudgetFixture()
    {
        With("Polling:RunBudgetSeconds", "2");
        With("Polling:SyncNowSeconds", "2");
    }
}

/// <summary>A walk that outlasts its run's time budget stops after its last committed page; the next run goes on from there.</summary>
public sealed class RunBudgetTests(ShortRunBudgetFixture app) : IClassFixture<ShortRunBudgetFixture>
{
    [Fact]
    public async Task A_slow_walk_returns_within_its_budget_keeps_what_it_read_and_the_next_run_finishes_it()
    {
        var (connection, seller) = await app.ConnectEbayAsync("slow-walk-seller");
        var book = app.EbayOrders(seller);
        for (var i = 0; i < 8; i++) book.Add();
        var answers = 0;
        // The third answer takes longer than the whole budget, as a page behind a rate limit would.
        book.SendNextPage(own =>
        {
            if (++answers == 3) Thread.Sleep(TimeSpan.FromSeconds(4));
            return own;
        });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var paused = await app.SyncOrdersAsync(connection);
        clock.Stop();

        Assert.Equal(SyncResult.Synced, paused.Result);
        Assert.Contains("the rest follows on the next run", paused.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"returned after {clock.Elapsed}");
        var cursor = await app.CursorAsync(connection);
        Assert.NotNull(cursor.PageToken);
        Assert.Null(cursor.Watermark);
        var kept = (await app.StoredOrdersAsync(connection)).Count;
        Assert.Equal(2 * PollingFixture.PageSize, kept);

        book.SendNextPage(null);
        var finished = await app.SyncOrdersAsync(connection);

        Assert.Equal(SyncResult.Synced, finished.Result);
        Assert.DoesNotContain("so far", finished.Message);
        Assert.Equal(book.List().Select(o => o.Id).Order(), (await app.StoredOrdersAsync(connection)).Select(o => o.ExternalId).Order());
        Assert.NotNull((await app.CursorAsync(connection)).Watermark);
    }

    [Fact]
    public async Task Sync_now_answers_within_its_time_and_a_background_job_reads_the_rest_while_the_feed_shows_how_far_it_came()
    {
        var (connection, seller) = await app.ConnectEbayAsync("background-walk-seller");
        var book = app.EbayOrders(seller);
        for (var i = 0; i < 8; i++) book.Add();
        using var held = new HeldPages(book);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var paused = Assert.Single(await app.Engine.SyncConnectionAsync(connection, TestUsers.OwnerEmail));
        clock.Stop();

        Assert.True(paused.Unfinished);
        Assert.Matches(@"^Synced orders: 6 new or changed since .+ \(2 pages\) so far; the rest is read in the background, as the card shows\.$", paused.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"returned after {clock.Elapsed}");
        Assert.Equal(new WindowProgress(2, 2 * PollingFixture.PageSize), (await OrdersFeedAsync(connection)).Reading);

        held.Release();

        await Inventory.InventoryFixture.Until(async () => (await OrdersFeedAsync(connection)).Reading is null, "the background job read the rest");
        Assert.NotNull((await OrdersFeedAsync(connection)).LastSuccessAt);
        Assert.Equal(book.List().Select(o => o.Id).Order(), (await app.StoredOrdersAsync(connection)).Select(o => o.ExternalId).Order());
    }

    private async Task<FeedStatus> OrdersFeedAsync(Guid connection)
    {
        var stored = await app.Services.GetRequiredService<ConnectionStore>().FindAsync(connection);
        return (await app.Services.GetRequiredService<FeedStatuses>().ForAsync(stored!)).Single(f => f.Feed == "orders");
    }

    [Fact]
    public async Task Amazon_sending_a_new_page_token_on_every_page_cannot_hold_a_run_past_its_budget()
    {
        var seller = await Amazon.Orders.AmazonSeller.ConnectAsync(app, "endless-token-amazon");
        var added = seller.Book.AddMany(3);
        seller.Book.SendEndlessPages(true);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var first = await app.SyncOrdersAsync(seller.Connection).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Stop();

        Assert.Equal(SyncResult.Synced, first.Result);
        Assert.Contains("the rest follows on the next run", first.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"returned after {clock.Elapsed}");
        Assert.True(seller.Book.Requests().Count > 2, "the walk followed the tokens");
        var stored = (await app.StoredOrdersAsync(seller.Connection)).Select(o => o.ExternalId).ToHashSet();
        Assert.All(added, o => Assert.Contains(o.Id, stored));
        Assert.NotNull((await app.CursorAsync(seller.Connection)).PageToken);

        // The next run goes on from the stored token and is bounded the same way.
        clock.Restart();
        var second = await app.SyncOrdersAsync(seller.Connection).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("the rest follows on the next run", second.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"returned after {clock.Elapsed}");
    }
}

public sealed class HeldWalkFixture : PollingFixture
{
    public HeldWalkFixture() => With("Polling:SyncNowSeconds", "1");
}

/// <summary>Issue 11: shutdown stays bounded while a walk waits on a marketplace that does not answer.</summary>
public sealed class ShutdownDuringWalkTests
{
    [Fact]
    public async Task The_app_stops_within_the_hosts_bound_while_a_background_walk_waits_for_a_page()
    {
        var app = new HeldWalkFixture();
        await app.InitializeAsync();
        var (connection, seller) = await app.ConnectEbayAsync("held-walk-seller");
        var book = app.EbayOrders(seller);
        for (var i = 0; i < 8; i++) book.Add();
        // eBay holds its answers for a minute, far beyond the host's 20 s to stop.
        using var held = new HeldPages(book, app.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping);
        Assert.True(Assert.Single(await app.Engine.SyncConnectionAsync(connection, TestUsers.OwnerEmail)).Unfinished);
        // The background job's run is soon waiting for its first page (the emulator's book is held meanwhile).
        var jobs = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        await Inventory.InventoryFixture.Until(() => Task.FromResult(jobs.ProcessingJobs(0, 10).Any(j => j.Value.Job?.Type == typeof(ContinueSyncJob))),
            "the background walk runs");
        await Task.Delay(500);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await app.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(45));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"stopped after {clock.Elapsed}");
    }
}
