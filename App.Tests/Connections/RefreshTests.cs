using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Connections;

public sealed class RefreshTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{

    private TokenRefresher Refresher => app.Services.GetRequiredService<TokenRefresher>();
    private ConnectionStore Store => app.Services.GetRequiredService<ConnectionStore>();

    private async Task<Guid> ConnectAsync(string marketplace, string sandboxAccount)
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var dashboard = await browser.ConnectAsync(marketplace, SandboxAccounts.For(marketplace, app), sandboxAccount);
        return Guid.Parse(dashboard["connected"]);
    }

    [Theory]
    [InlineData("etsy")]
    [InlineData("tiktok")]
    [InlineData("shopify")]
    [InlineData("aliexpress")]
    public async Task A_rotating_refresh_token_is_replaced_and_the_app_keeps_working(string marketplace)
    {
        var id = await ConnectAsync(marketplace, "rotating-seller");
        var before = await Store.ReadSecretsAsync(id);

        Assert.Equal(RefreshResult.Refreshed, (await Refresher.RefreshAsync(id, "test")).Result);
        var after = await Store.ReadSecretsAsync(id);
        Assert.NotEqual(before[TokenVault.AccessToken], after[TokenVault.AccessToken]);
        Assert.NotEqual(before[TokenVault.RefreshToken], after[TokenVault.RefreshToken]);

        // The emulator rejects the rotated-away refresh token; the stored newest one keeps working.
        var target = await app.Services.GetRequiredService<MarketplaceTargets>()
            .ResolveAsync(marketplace, MarketplaceEnvironment.BuiltInSandbox, SandboxAccounts.For(marketplace, app));
        var protocol = app.Services.GetServices<ITokenProtocol>().First(p => p.Handles(target.OAuth.TokenRequestStyle));
        var stale = await Assert.ThrowsAsync<MarketplaceException>(() => protocol.RefreshAsync(target, before[TokenVault.RefreshToken], [], default));
        Assert.Equal(MarketplaceErrorKind.ReauthorizationRequired, stale.Kind);
        Assert.Equal(RefreshResult.Refreshed, (await Refresher.RefreshAsync(id, "test")).Result);
        Assert.Equal(ConnectionState.Connected, (await Store.FindAsync(id))!.State);
    }

    [Fact]
    public async Task A_non_rotating_refresh_keeps_the_refresh_token_and_its_expiry()
    {
        var id = await ConnectAsync("ebay", "steady-seller");
        var before = await Store.ReadSecretsAsync(id);
        var expiry = (await Store.FindAsync(id))!.RefreshTokenExpiresAt;
        Assert.Equal(RefreshResult.Refreshed, (await Refresher.RefreshAsync(id, "test")).Result);
        Assert.Equal(before[TokenVault.RefreshToken], (await Store.ReadSecretsAsync(id))[TokenVault.RefreshToken]);
        Assert.Equal(expiry, (await Store.FindAsync(id))!.RefreshTokenExpiresAt);
    }

    [Fact]
    public async Task A_revoked_grant_turns_the_connection_to_reconnect_needed_with_the_reason()
    {
        var id = await ConnectAsync("tiktok", "revoked-seller");
        var target = await app.Services.GetRequiredService<MarketplaceTargets>().ResolveAsync("tiktok", MarketplaceEnvironment.BuiltInSandbox, null);
        await app.Services.GetRequiredService<OAuth2TokenProtocol>().RevokeAsync(target, (await Store.ReadSecretsAsync(id))[TokenVault.AccessToken], default);

        var outcome = await Refresher.RefreshAsync(id, "test");

        Assert.Equal(RefreshResult.ReconnectNeeded, outcome.Result);
        var connection = (await Store.FindAsync(id))!;
        Assert.Equal(ConnectionState.ReconnectNeeded, connection.State);
        Assert.Contains("invalid_grant", connection.StateReason);
        Assert.Equal(1, connection.RefreshAttempts);
    }

    [Fact]
    public async Task Disconnecting_tiktok_revokes_at_the_marketplace_and_deletes_the_secrets()
    {
        var id = await ConnectAsync("tiktok", "leaving-seller");
        var journal = app.Services.GetRequiredService<SandboxJournal>();
        var revokes = journal.Count("tiktok", "revoke");

        var outcome = await app.Services.GetRequiredService<Disconnector>().DisconnectAsync(id, "test");

        Assert.False(outcome.RevokeFailed);
        Assert.StartsWith("Disconnected", outcome.Message);
        Assert.Equal(revokes + 1, journal.Count("tiktok", "revoke"));
        Assert.Null(await Store.FindAsync(id));
        Assert.Empty(await Store.ReadSecretsAsync(id));
    }
}

/// <summary>Failures at the marketplace's side that are not the seller's to fix: the connection stays, the error shows.</summary>
public sealed class UnreachableMarketplaceTests
{
    [Fact]
    public async Task A_network_failure_leaves_the_connection_connected_and_a_failed_revoke_still_deletes_local_secrets()
    {
        var first = new ServerAppFactory();
        await first.InitializeAsync();
        Guid tiktok, ebay;
        using (var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(first))
        {
            tiktok = Guid.Parse((await browser.ConnectAsync("tiktok", sandboxAccount: "offline-seller"))["connected"]);
            ebay = Guid.Parse((await browser.ConnectAsync("ebay", sandboxAccount: "offline-seller"))["connected"]);
        }
        await first.DisposeAsync();

        await using var second = new ServerAppFactory()
            .Reusing(first)
            .With("Catalog:ebay:Environments:BuiltInSandbox:TokenUrl", "http://127.0.0.1:9/token")
            .With("Catalog:tiktok:Environments:BuiltInSandbox:RevokeUrl", "http://127.0.0.1:9/revoke/");
        await second.InitializeAsync();

        var outcome = await second.Services.GetRequiredService<TokenRefresher>().RefreshAsync(ebay, "test");
        Assert.Equal(RefreshResult.Failed, outcome.Result);
        var connection = (await second.Services.GetRequiredService<ConnectionStore>().FindAsync(ebay))!;
        Assert.Equal(ConnectionState.Connected, connection.State);
        Assert.Contains("could not be reached", connection.LastRefreshError);

        var disconnected = await second.Services.GetRequiredService<Disconnector>().DisconnectAsync(tiktok, "test");
        Assert.True(disconnected.RevokeFailed);
        Assert.Contains("revoke at the marketplace failed", disconnected.Message);
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<ConnectionSecret>().AnyAsync(s => s.ConnectionId == tiktok));
        Assert.Contains(await db.Set<ConnectionEvent>().Where(e => e.ConnectionId == tiktok).ToListAsync(),
            e => e.Action == ConnectionAction.Revoke && !e.Succeeded);
    }
}
