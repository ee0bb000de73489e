using System.Net.Http.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.WooCommerce;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.WooCommerce;

public sealed class WooCommerceConnectionTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>, IAsyncLifetime
{
    private readonly WooCommerceSandbox _sandbox = new(app);

    public Task InitializeAsync() => app.EnsureStaffAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private KeyConnections Keys => app.Services.GetRequiredService<KeyConnections>();
    private ConnectionStore Store => app.Services.GetRequiredService<ConnectionStore>();

    private static Dictionary<string, string> KeyFields(string key, string secret) => new()
    {
        [WooCommerceKeyConnector.ConsumerKey] = key, [WooCommerceKeyConnector.ConsumerSecret] = secret,
    };

    private async Task<int> WooCommerceConnectionsAsync() => (await Store.ListAsync()).Count(c => c.Marketplace == "woocommerce");

    [Fact]
    public async Task A_wrong_secret_says_so_and_saves_nothing()
    {
        var keys = await _sandbox.ManualKeysAsync();
        var before = await WooCommerceConnectionsAsync();

        var outcome = await Keys.ConnectAsync("woocommerce", MarketplaceEnvironment.BuiltInSandbox, _sandbox.StoreUrl,
            KeyFields(keys.ConsumerKey, "cs_" + new string('0', 40)), TestUsers.OwnerEmail);

        Assert.False(outcome.Succeeded);
        Assert.Equal("WooCommerce did not accept these keys: WooCommerce answered 401: woocommerce_rest_authentication_error " +
            "(Invalid signature - provided signature does not match.)", outcome.Message);
        Assert.Equal(before, await WooCommerceConnectionsAsync());
    }

    [Fact]
    public async Task The_right_keys_connect_the_store_named_after_its_site_title()
    {
        var keys = await _sandbox.ManualKeysAsync();

        var outcome = await Keys.ConnectAsync("woocommerce", MarketplaceEnvironment.BuiltInSandbox, _sandbox.StoreUrl + "/",
            KeyFields(keys.ConsumerKey, keys.ConsumerSecret), TestUsers.OwnerEmail);

        Assert.True(outcome.Succeeded, outcome.Message);
        var connection = (await Store.FindAsync(outcome.ConnectionId!.Value))!;
        Assert.Equal(_sandbox.StoreUrl, connection.AccountId);
        Assert.Equal("Marketplaces Sandbox Store", connection.DisplayName);
        var secrets = await Store.ReadSecretsAsync(connection.Id);
        Assert.True(secrets[WooCommerceKeyConnector.ConsumerKey] == keys.ConsumerKey, "the consumer key is stored");
        Assert.True(secrets[WooCommerceKeyConnector.ConsumerSecret] == keys.ConsumerSecret, "the consumer secret is stored");
    }

    [Fact]
    public async Task A_key_post_with_an_unknown_user_id_is_refused_with_a_non_200_and_stores_nothing()
    {
        var keys = await _sandbox.ManualKeysAsync();
        var before = await WooCommerceConnectionsAsync();

        using var response = await _sandbox.Http.PostAsJsonAsync("/connections/woocommerce/keys", new
        {
            key_id = 1, user_id = PendingAuthorizations.RandomToken(), consumer_key = keys.ConsumerKey,
            consumer_secret = keys.ConsumerSecret, key_permissions = "read_write",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await WooCommerceConnectionsAsync());
    }

    [Fact]
    public async Task Staff_cannot_start_the_key_handshake()
    {
        var staff = await _sandbox.SignedInAsync(TestUsers.StaffEmail);
        using var response = await staff.GetAsync(StartUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_full_handshake_over_http_stores_the_keys_the_store_posted()
    {
        var owner = await _sandbox.SignedInAsync(TestUsers.OwnerEmail);
        using var start = await owner.GetAsync(StartUrl);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.Equal($"{_sandbox.StoreUrl}/wc-auth/v1/authorize", authorize.GetLeftPart(UriPartial.Path));

        using var approved = await _sandbox.DecideAsync(authorize, "approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var returned = approved.Headers.Location!;
        Assert.StartsWith($"{app.ServerAddress.GetLeftPart(UriPartial.Authority)}/connections/woocommerce/return?success=1&user_id=", returned.ToString());

        using var back = await owner.GetAsync(returned.PathAndQuery);
        var shown = await EventOfAsync(back.Headers.Location!);
        Assert.True(shown.Succeeded);
        Assert.StartsWith("Connected", shown.Message);

        var connection = (await Store.ListAsync()).Single(c => c.Marketplace == "woocommerce" && c.AccountId == _sandbox.StoreUrl);
        Assert.Equal(TestUsers.OwnerEmail, connection.ConnectedBy);
        var issued = app.Services.GetRequiredService<SandboxJournal>().IssuedTokens("woocommerce").Last();
        Assert.True((await Store.ReadSecretsAsync(connection.Id))[WooCommerceKeyConnector.ConsumerKey] == issued,
            "the connection holds the key the handshake issued");
    }

    [Fact]
    public async Task Denying_in_the_store_brings_the_seller_back_to_the_dashboard_saying_so()
    {
        var owner = await _sandbox.SignedInAsync(TestUsers.OwnerEmail);
        using var start = await owner.GetAsync(StartUrl);
        using var denied = await _sandbox.DecideAsync(start.Headers.Location!, "deny");
        using var back = await owner.GetAsync(denied.Headers.Location!.PathAndQuery);
        Assert.Contains("denied", (await EventOfAsync(back.Headers.Location!)).Message);
    }

    [Fact]
    public async Task A_store_url_that_fails_validation_never_leaves_the_dashboard()
    {
        var owner = await _sandbox.SignedInAsync(TestUsers.OwnerEmail);
        using var response = await owner.GetAsync("/connections/woocommerce/authorize?environment=BuiltInSandbox&store=javascript:alert(1)");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("not a valid store url", (await EventOfAsync(response.Headers.Location!)).Message);
    }

    [Fact]
    public async Task A_link_from_another_site_cannot_start_the_handshake()
    {
        var owner = await _sandbox.SignedInAsync(TestUsers.OwnerEmail);
        using var request = new HttpRequestMessage(HttpMethod.Get, StartUrl);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await owner.SendAsync(request);
        Assert.Equal("Start connecting from the dashboard.", (await EventOfAsync(response.Headers.Location!)).Message);
    }

    /// <summary>The dashboard shows the audit entry the redirect names: /?marketplace=woocommerce&amp;event={id}.</summary>
    private async Task<ConnectionEvent> EventOfAsync(Uri dashboard)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(dashboard.IsAbsoluteUri ? dashboard.Query : dashboard.OriginalString[dashboard.OriginalString.IndexOf('?')..]);
        Assert.Equal("woocommerce", query["marketplace"].ToString());
        return (await app.Services.GetRequiredService<ConnectionAudit>().FindAsync(long.Parse(query["event"]!)))!;
    }

    private string StartUrl => $"/connections/woocommerce/authorize?environment=BuiltInSandbox&store={Uri.EscapeDataString(_sandbox.StoreUrl)}";
}
