using System.Diagnostics;
using Hangfire;
using Marketplaces.Polling;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Polling;

/// <summary>
/// Issue 11: shutdown stays bounded with a long walk in progress. An Amazon feed whose every page carries a next token
/// spends its searchOrders burst and then waits minutes on the rate limit, inside the background job; stopping the
/// app cancels the wait instead of sitting it out.
/// </summary>
public sealed class BoundedShutdownTests
{
    [Fact]
    public async Task Stopping_the_app_while_a_feed_job_waits_on_a_rate_limit_ends_within_the_shutdown_bound()
    {
        var app = new PollingFixture();
        await app.InitializeAsync();
        var seller = await Amazon.Orders.AmazonSeller.ConnectAsync(app, "shutdown-amazon");
        seller.Book.AddMany(3);
        seller.Book.SendEndlessPages(true);

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PollFeedsJob>(j => j.RunAsync(CancellationToken.None));
        // searchOrders: a burst of 20, then one call in ~3 minutes (amazon.md): the 21st page waits.
        for (var deadline = DateTime.UtcNow.AddSeconds(60); seller.Book.Requests().Count < 20 && DateTime.UtcNow < deadline;) await Task.Delay(200);
        Assert.True(seller.Book.Requests().Count >= 20, $"{seller.Book.Requests().Count} pages read");
        await Task.Delay(TimeSpan.FromSeconds(1));
        // Still walking: the sweep's job is running, waiting for the next page.
        Assert.Equal(1, app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ProcessingCount());
        Assert.Equal(20, seller.Book.Requests().Count);

        var clock = Stopwatch.StartNew();
        await app.DisposeAsync();

        // The host's own bound is 20 s (HostOptions.ShutdownTimeout); the job's wait ends as soon as it is cancelled.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"stopped after {clock.Elapsed}");
    }
}
