using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Jobs;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hangfire.States;

namespace Marketplaces.Tests.Jobs;

/// <summary>The scheduler keeps tokens fresh: Etsy's sandbox here issues 2-minute tokens, inside its 10-minute refresh margin.</summary>
public sealed class TokenRefreshJobTests
{
    private static async Task<(ServerAppFactory App, Guid Etsy, Guid Ebay)> ConnectedAppAsync()
    {
        var app = new ServerAppFactory();
        app.With("Sandbox:Lifetimes:etsy:AccessTokenSeconds", "120");
        await app.InitializeAsync();
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var etsy = Guid.Parse((await browser.ConnectAsync("etsy", sandboxAccount: "sweep-shop"))["connected"]);
        var ebay = Guid.Parse((await browser.ConnectAsync("ebay", sandboxAccount: "sweep-seller"))["connected"]);
        return (app, etsy, ebay);
    }

    [Fact]
    public async Task The_sweep_renews_tokens_inside_their_margin_and_leaves_the_others()
    {
        var (app, etsy, ebay) = await ConnectedAppAsync();
        await using var _ = app;
        var store = app.Services.GetRequiredService<ConnectionStore>();
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var etsyRefreshes = journal.Count("etsy", "refresh");

        var result = await app.Services.GetRequiredService<TokenRefreshSweep>().RunAsync(default);

        Assert.True(result.Refreshed >= 1, $"{result}");
        Assert.Equal(etsyRefreshes + 1, journal.Count("etsy", "refresh"));
        Assert.Equal(TokenRefreshSweep.Actor, (await app.Services.GetRequiredService<ConnectionAudit>().RecentAsync("etsy", 1))[0].Actor);
        Assert.NotNull((await store.FindAsync(etsy))!.LastRefreshedAt);
        Assert.Null((await store.FindAsync(ebay))!.LastRefreshedAt);
    }

    [Fact]
    public async Task A_connection_that_just_failed_waits_for_its_backoff()
    {
        var (app, etsy, _) = await ConnectedAppAsync();
        await using var __ = app;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<Connection>().Where(c => c.Id == etsy).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.LastRefreshFailedAt, DateTimeOffset.UtcNow).SetProperty(c => c.RefreshAttempts, 3));
        }
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var before = journal.Count("etsy", "refresh");

        await app.Services.GetRequiredService<TokenRefreshSweep>().RunAsync(default);

        Assert.Equal(before, journal.Count("etsy", "refresh"));
    }

    [Fact]
    public async Task Triggering_the_recurring_job_runs_the_sweep_and_keeps_its_result()
    {
        var (app, etsy, _) = await ConnectedAppAsync();
        await using var _ = app;

        var (state, data) = await app.TriggerAndWaitAsync(TokenRefreshJob.Id);

        Assert.Equal(SucceededState.StateName, state);
        Assert.Contains("1 refreshed", data["Result"]);
        Assert.NotNull((await app.Services.GetRequiredService<ConnectionStore>().FindAsync(etsy))!.LastRefreshedAt);
    }
}
