using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Connections;

/// <summary>The OAuth engine against the built-in sandbox emulators over HTTP: what it accepts and what it refuses.</summary>
public sealed class ConnectFlowTests(ServerAppFactory app) : IClassFixture<ServerAppFactory>
{
    public static TheoryData<string> OAuthMarketplaces => new(SandboxAccounts.OAuth);

    private async Task<List<Connection>> ConnectionsAsync(string marketplace)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Connection>().Where(c => c.Marketplace == marketplace).ToListAsync();
    }

    private async Task<ConnectionEvent> EventAsync(IDictionary<string, string> dashboard)
    {
        Assert.True(dashboard.ContainsKey("event"), $"expected a failure event, got {string.Join("&", dashboard)}");
        return (await app.Services.GetRequiredService<ConnectionAudit>().FindAsync(long.Parse(dashboard["event"])))!;
    }

    [Theory]
    [MemberData(nameof(OAuthMarketplaces))]
    public async Task Approving_in_the_sandbox_stores_a_connection_whose_tokens_are_encrypted(string marketplace)
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var dashboard = await browser.ConnectAsync(marketplace, SandboxAccounts.For(marketplace, app), sandboxAccount: "first-seller");
        Assert.True(dashboard.ContainsKey("connected"), string.Join("&", dashboard));
        var connection = Assert.Single(await ConnectionsAsync(marketplace), c => c.Id == Guid.Parse(dashboard["connected"]));
        Assert.Equal(ConnectionState.Connected, connection.State);
        Assert.Equal(MarketplaceEnvironment.BuiltInSandbox, connection.Environment);
        Assert.False(string.IsNullOrEmpty(connection.AccountId));
        Assert.Contains("chars)", connection.TokenPreview);

        var secrets = await app.Services.GetRequiredService<ConnectionStore>().ReadSecretsAsync(connection.Id);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<ConnectionSecret>().Where(s => s.ConnectionId == connection.Id).ToListAsync();
        Assert.Contains(stored, s => s.Kind == TokenVault.AccessToken);
        Assert.All(stored, s => Assert.DoesNotContain(secrets[s.Kind], s.Ciphertext));
    }

    [Fact]
    public async Task Two_sandbox_accounts_on_one_marketplace_are_two_connections()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var first = await browser.ConnectAsync("etsy", sandboxAccount: "shop-north");
        var second = await browser.ConnectAsync("etsy", sandboxAccount: "shop-south");
        Assert.NotEqual(first["connected"], second["connected"]);
        var again = await browser.ConnectAsync("etsy", sandboxAccount: "shop-north");
        Assert.Equal(first["connected"], again["connected"]);
    }

    [Fact]
    public async Task A_replayed_callback_is_refused()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var callback = await browser.DecideAsync(await browser.StartAsync("ebay"), approve: true, sandboxAccount: "replay-seller");
        Assert.True(SandboxBrowserlessClient.Query(await browser.CallbackAsync(callback)).ContainsKey("connected"));
        var replay = await EventAsync(SandboxBrowserlessClient.Query(await browser.CallbackAsync(callback)));
        Assert.Contains("already used", replay.Message);
    }

    [Fact]
    public async Task An_expired_state_is_refused_and_stores_nothing()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var callback = await browser.DecideAsync(await browser.StartAsync("tiktok"), approve: true, sandboxAccount: "late-seller");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<PendingAuthorization>().Where(p => p.UsedAt == null && p.Marketplace == "tiktok")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }
        var refused = await EventAsync(SandboxBrowserlessClient.Query(await browser.CallbackAsync(callback)));
        Assert.Contains("expired", refused.Message);
        Assert.DoesNotContain(await ConnectionsAsync("tiktok"), c => c.DisplayName.Contains("late-seller"));
    }

    [Fact]
    public async Task A_callback_opened_in_another_browser_is_refused()
    {
        using var starter = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        using var other = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var callback = await starter.DecideAsync(await starter.StartAsync("amazon", "na"), approve: true, sandboxAccount: "foreign-seller");
        var refused = await EventAsync(SandboxBrowserlessClient.Query(await other.CallbackAsync(callback)));
        Assert.Contains("another user or browser", refused.Message);
    }

    [Fact]
    public async Task A_state_started_by_another_user_is_refused()
    {
        var pending = app.Services.GetRequiredService<PendingAuthorizations>();
        var started = await pending.StartAsync("ebay", MarketplaceEnvironment.BuiltInSandbox, null, "user-a", "a@example.com", "binding", false);
        var (taken, error) = await pending.TakeAsync("ebay", started.State, "user-b", "binding");
        Assert.Null(taken);
        Assert.Contains("another user", error);
        Assert.NotNull((await pending.TakeAsync("ebay", started.State, "user-a", "binding")).Taken);
    }

    [Fact]
    public async Task A_callback_without_state_is_refused()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var refused = await EventAsync(SandboxBrowserlessClient.Query(
            await browser.CallbackAsync(new Uri(app.ServerAddress, "/connections/callback/ebay?code=forged"))));
        Assert.Contains("no state", refused.Message);
    }

    [Theory]
    [MemberData(nameof(OAuthMarketplaces))]
    public async Task Denying_consent_says_so_and_stores_nothing(string marketplace)
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var before = (await ConnectionsAsync(marketplace)).Count;
        var callback = await browser.DecideAsync(await browser.StartAsync(marketplace, SandboxAccounts.For(marketplace, app)), approve: false);
        var denied = await EventAsync(SandboxBrowserlessClient.Query(await browser.CallbackAsync(callback)));
        Assert.False(denied.Succeeded);
        Assert.Contains("denied", denied.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await ConnectionsAsync(marketplace)).Count);
    }

    [Fact]
    public async Task A_code_used_once_cannot_connect_again_under_a_new_state()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var first = await browser.DecideAsync(await browser.StartAsync("ebay"), approve: true, sandboxAccount: "code-seller");
        Assert.True(SandboxBrowserlessClient.Query(await browser.CallbackAsync(first)).ContainsKey("connected"));
        var second = await browser.DecideAsync(await browser.StartAsync("ebay"), approve: true, sandboxAccount: "code-seller");
        var usedCode = QueryHelpers.ParseQuery(first.Query)["code"].ToString();
        var forged = QueryHelpers.AddQueryString(second.GetLeftPart(UriPartial.Path),
            new Dictionary<string, string?> { ["state"] = QueryHelpers.ParseQuery(second.Query)["state"], ["code"] = usedCode });
        var refused = await EventAsync(SandboxBrowserlessClient.Query(await browser.CallbackAsync(new Uri(forged))));
        Assert.Contains("invalid_grant", refused.Message);
    }

    [Fact]
    public async Task A_wrong_pkce_verifier_is_refused_by_etsy()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var callback = await browser.DecideAsync(await browser.StartAsync("etsy"), approve: true, sandboxAccount: "pkce-seller");
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Marketplaces.PkceVerifier");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<PendingAuthorization>().Where(p => p.UsedAt == null && p.Marketplace == "etsy")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CodeVerifierCiphertext, protector.Protect("a-verifier-that-does-not-match-the-challenge-0000")));
        }
        var refused = await EventAsync(SandboxBrowserlessClient.Query(await browser.CallbackAsync(callback)));
        Assert.Contains("invalid_grant", refused.Message);
        Assert.DoesNotContain(await ConnectionsAsync("etsy"), c => c.DisplayName.Contains("pkce-seller"));
    }

    [Fact]
    public async Task A_shopify_callback_with_a_bad_hmac_is_refused_and_stores_nothing()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var callback = await browser.DecideAsync(await browser.StartAsync("shopify", "sandbox-shop.myshopify.com"), approve: true, "hmac-shop");
        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        query["hmac"] = new string('0', 64);

        var refused = await EventAsync(SandboxBrowserlessClient.Query(await browser.CallbackAsync(Rebuild(callback, query))));

        Assert.Contains("not signed with this app's client secret", refused.Message);
        Assert.DoesNotContain(await ConnectionsAsync("shopify"), c => c.DisplayName.Contains("Hmac Shop"));
    }

    [Fact]
    public async Task A_correctly_signed_shopify_callback_for_another_shop_is_refused()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var callback = await browser.DecideAsync(await browser.StartAsync("shopify", "sandbox-shop.myshopify.com"), approve: true);
        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        query["shop"] = "another-shop.myshopify.com";
        query.Remove("hmac");
        var secret = (await app.Services.GetRequiredService<Marketplaces.Sandbox.SandboxApps>().GetAsync("shopify"))["clientSecret"];
        query["hmac"] = Marketplaces.Shopify.ShopifyHmac.Compute(secret, query);

        var refused = await EventAsync(SandboxBrowserlessClient.Query(await browser.CallbackAsync(Rebuild(callback, query))));

        Assert.Contains("another shop", refused.Message);
    }

    private static Uri Rebuild(Uri callback, Dictionary<string, string> query) =>
        new(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), query.ToDictionary(q => q.Key, q => (string?)q.Value)));

    [Fact]
    public async Task A_shop_domain_that_fails_validation_never_leaves_the_app()
    {
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var dashboard = await browser.StartAsync("shopify", "evil.example/x.myshopify.com");
        Assert.Equal(app.ServerAddress.Authority, dashboard.Authority);
        var refused = await EventAsync(SandboxBrowserlessClient.Query(dashboard));
        Assert.Contains("not a valid shop domain", refused.Message);
    }
}

public sealed class WrongClientSecretTests
{
    [Fact]
    public async Task A_wrong_client_secret_fails_the_exchange_and_stores_nothing()
    {
        await using var app = new ServerAppFactory().With("Marketplaces:ebay:BuiltInSandbox:clientSecret", "not-the-registered-secret");
        await app.InitializeAsync();
        using var browser = await SandboxBrowserlessClient.SignedInOwnerAsync(app);
        var dashboard = await browser.ConnectAsync("ebay", sandboxAccount: "secret-seller");
        var refused = (await app.Services.GetRequiredService<ConnectionAudit>().FindAsync(long.Parse(dashboard["event"])))!;
        Assert.Contains("invalid_client", refused.Message);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<Connection>().AnyAsync());
        Assert.DoesNotContain("not-the-registered-secret", refused.Message);
    }
}
