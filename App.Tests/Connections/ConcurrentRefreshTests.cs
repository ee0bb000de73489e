using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Connections;

/// <summary>A rotating refresh token dies when used: two refreshes of one connection send one token request, on both providers.</summary>
public sealed class ConcurrentRefreshTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Two_concurrent_refreshes_of_one_connection_send_one_token_request(DatabaseProvider provider)
    {
        await using var app = new ServerAppFactory().On(provider);
        await app.InitializeAsync();
        var connected = await SandboxAccounts.ConnectAsync(app, "etsy", "busy-seller");
        var refresher = app.Services.GetRequiredService<TokenRefresher>();
        var locks = app.Services.GetRequiredService<IExclusiveLocks>();
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var requestsBefore = journal.Count("etsy", "refresh");

        // Both must have asked before either refreshes: they queue behind the connection's lock, held here until both wait.
        Task<RefreshOutcome[]> refreshes;
        await using (await locks.AcquireAsync("refresh", connected.ToString(), default))
        {
            refreshes = Task.WhenAll(refresher.RefreshAsync(connected, "job"), refresher.RefreshAsync(connected, "button"));
            await LockQueue.WaitForWaitersAsync(locks, app.Database, "refresh", connected.ToString(), 2);
        }
        var outcomes = await refreshes;

        Assert.Equal(requestsBefore + 1, journal.Count("etsy", "refresh"));
        Assert.Contains(outcomes, o => o.Result == RefreshResult.Refreshed);
        Assert.Contains(outcomes, o => o.Result == RefreshResult.AlreadyRefreshed);
        Assert.Equal(RefreshResult.Refreshed, (await refresher.RefreshAsync(connected, "test")).Result);
    }
}
