using System.Net.Http.Headers;
using System.Text;
using Marketplaces.Amazon;
using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Polling;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Amazon.Orders;

/// <summary>
/// SP-API answers a bad access token with 403 Unauthorized, not 401 (amazon.md §3): an orders sync renews it once
/// through the refresher and goes on, and a 403 that is not about the token is shown as Amazon said it, unrenewed.
/// </summary>
public sealed class AmazonRejectedTokenTests(PollingFixture app) : IClassFixture<PollingFixture>
{
    private SandboxJournal Journal => app.Services.GetRequiredService<SandboxJournal>();
    private ConnectionStore Store => app.Services.GetRequiredService<ConnectionStore>();

    private async Task<List<ConnectionEvent>> RefreshEventsAsync(Guid connection)
    {
        await using var db = await app.ContextAsync();
        return await db.Set<ConnectionEvent>().AsNoTracking()
            .Where(e => e.ConnectionId == connection && e.Action == ConnectionAction.Refresh).OrderBy(e => e.Id).ToListAsync();
    }

    [Fact]
    public async Task An_access_token_amazon_expired_early_is_renewed_once_and_the_sync_succeeds()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-early-expiry");
        await seller.ExpireAccessTokenEarlyAsync(app);
        var refreshes = Journal.Count("amazon", "refresh");

        var outcome = await app.SyncOrdersAsync(seller.Connection);

        Assert.Equal(SyncResult.Synced, outcome.Result);
        Assert.Equal(seller.Book.List().Count, (await app.StoredOrdersAsync(seller.Connection)).Count);
        Assert.Equal(refreshes + 1, Journal.Count("amazon", "refresh"));
        Assert.NotEqual(seller.AccessToken, (await app.SecretsAsync(seller.Connection))[TokenVault.AccessToken]);
        var renewal = Assert.Single(await RefreshEventsAsync(seller.Connection));
        Assert.True(renewal.Succeeded);
        Assert.StartsWith("Access token renewed", renewal.Message);
    }

    [Fact]
    public async Task A_renewal_refused_with_invalid_grant_asks_the_seller_to_reconnect()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-removed-app");
        var refreshToken = (await app.SecretsAsync(seller.Connection))[TokenVault.RefreshToken];
        await app.Services.GetRequiredService<SandboxGrants>().RevokeAsync("amazon", SandboxGrantKinds.Refresh, refreshToken);
        await seller.ExpireAccessTokenEarlyAsync(app);

        var outcome = await app.SyncOrdersAsync(seller.Connection);

        Assert.Equal(SyncResult.Failed, outcome.Result);
        const string reason = "Amazon no longer accepts this authorization: Amazon answered 400: invalid_grant (The request has an invalid grant parameter : "
                              + "refresh_token. User may have revoked or didn't grant the permission.)";
        Assert.Equal($"Syncing orders failed: {reason}", outcome.Message);
        var connection = (await Store.FindAsync(seller.Connection))!;
        Assert.Equal(ConnectionState.ReconnectNeeded, connection.State);
        Assert.Equal(reason, connection.StateReason);
        Assert.False(Assert.Single(await RefreshEventsAsync(seller.Connection)).Succeeded);
    }

    [Fact]
    public async Task A_403_for_a_role_the_seller_lacks_is_not_renewed_and_shows_amazons_message()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-no-orders-role");
        app.Services.GetServices<ISandboxEmulator>().OfType<AmazonOrdersEmulator>().Single().WithdrawOrdersRole(seller.Account);
        var refreshes = Journal.Count("amazon", "refresh");

        var outcome = await app.SyncOrdersAsync(seller.Connection);

        Assert.Equal(SyncResult.Failed, outcome.Result);
        const string denied = "Amazon answered 403: Unauthorized Access to requested resource is denied.";
        Assert.Equal($"Syncing orders failed: {denied}", outcome.Message);
        Assert.Equal(denied, (await app.CursorAsync(seller.Connection)).LastError);
        Assert.Equal(refreshes, Journal.Count("amazon", "refresh"));
        Assert.Equal(seller.AccessToken, (await app.SecretsAsync(seller.Connection))[TokenVault.AccessToken]);
        Assert.Empty(await RefreshEventsAsync(seller.Connection));
        Assert.Equal(ConnectionState.Connected, (await Store.FindAsync(seller.Connection))!.State);
    }

    [Fact]
    public async Task A_token_refused_again_after_its_renewal_is_sent_twice_at_most_and_amazons_answer_reaches_the_caller()
    {
        var seller = await AmazonSeller.ConnectAsync(app, "amazon-still-refused");
        var connection = (await Store.FindAsync(seller.Connection))!;
        var target = await app.Services.GetRequiredService<MarketplaceTargets>()
            .ResolveAsync("amazon", MarketplaceEnvironment.BuiltInSandbox, SandboxAccounts.For("amazon", app));
        var amazon = new AlwaysExpired();
        var api = new ConnectionApi(connection, target, new HttpClient(amazon), Store,
            app.Services.GetRequiredService<TokenRefresher>(), TimeProvider.System, "test");
        var refreshes = Journal.Count("amazon", "refresh");

        using var response = await api.SendAsync(token => AmazonRequests.Create(HttpMethod.Get, "https://sellingpartnerapi.test/orders", token, DateTimeOffset.UtcNow), default);
        var failure = await Assert.ThrowsAsync<MarketplaceException>(() => AmazonApiFailure.Errors.ReadJsonAsync(response, default));

        Assert.Equal("Amazon answered 403: Unauthorized Access to requested resource is denied. (The access token you provided has expired.)", failure.Message);
        Assert.Equal(2, amazon.Tokens.Count);
        Assert.Equal(seller.AccessToken, amazon.Tokens[0]);
        Assert.Equal((await app.SecretsAsync(seller.Connection))[TokenVault.AccessToken], amazon.Tokens[1]);
        Assert.NotEqual(amazon.Tokens[0], amazon.Tokens[1]);
        Assert.Equal(refreshes + 1, Journal.Count("amazon", "refresh"));
    }

    /// <summary>An SP-API that calls every access token expired, fresh ones too.</summary>
    private sealed class AlwaysExpired : HttpMessageHandler
    {
        public List<string> Tokens { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Tokens.Add(request.Headers.GetValues("x-amz-access-token").Single());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden)
            {
                Content = new StringContent(
                    """{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"The access token you provided has expired."}]}""",
                    Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            });
        }
    }
}
