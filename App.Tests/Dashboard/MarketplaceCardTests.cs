using Bunit;
using Marketplaces.Accounts;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Dashboard;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Database;
using Marketplaces.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Dashboard;

/// <summary>A marketplace card's states as the seller sees them: not connected, connected (token masked), reconnect needed.</summary>
public sealed class MarketplaceCardTests(AppFactory app) : MudComponentTest(app.Services), IClassFixture<AppFactory>
{
    private MarketplaceDefinition Etsy => app.Services.GetRequiredService<MarketplaceCatalog>()["etsy"];

    private static Connection Connected(string account, DateTimeOffset? reauthorizeBy = null) => new()
    {
        Id = Guid.NewGuid(), Marketplace = "etsy", Environment = MarketplaceEnvironment.BuiltInSandbox, AccountId = account,
        DisplayName = $"Shop {account}", ConnectedBy = TestUsers.OwnerEmail, State = ConnectionState.Connected,
        TokenPreview = "5568…9d6w (53 chars)", Scopes = ["listings_r", "transactions_r"],
        AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddHours(1), RefreshTokenExpiresAt = reauthorizeBy ?? DateTimeOffset.UtcNow.AddDays(90),
    };

    private IRenderedComponent<MarketplaceCard> Card(params Connection[] connections) =>
        Render<MarketplaceCard>(p => p.Add(c => c.Overview, new MarketplaceOverview(Etsy, connections, [], [])));

    [Fact]
    public void Sync_now_with_the_database_gone_says_so_on_the_card_and_the_page_keeps_working()
    {
        SignIn(TestUsers.OwnerEmail);
        var gone = new UnreachableDatabase();
        Services.AddSingleton(ActivatorUtilities.CreateInstance<FeedEngine>(app.Services, gone, ActivatorUtilities.CreateInstance<ConnectionStore>(app.Services, gone)));
        var card = Card(Connected("database-gone"));

        card.Find("button[aria-label='Sync now Shop database-gone']").Click();

        card.WaitForAssertion(() => Assert.Contains("Syncing Shop database-gone failed unexpectedly; see the log", card.Find(".card-notice").TextContent));
        Assert.False(card.Find("button[aria-label='Sync now Shop database-gone']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_feed_that_needs_attention_says_so_with_its_reason_and_that_others_keep_syncing()
    {
        SignIn(TestUsers.OwnerEmail);
        var connection = Connected("stuck-feed");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Add(connection);
            db.Add(new FeedCursor
            {
                ConnectionId = connection.Id, Feed = "orders", ConsecutiveFailures = 6, LastFailedAt = DateTimeOffset.UtcNow,
                LastError = "Shop stuck-feed sent a next page that is not a link that can be followed",
            });
            await db.SaveChangesAsync();
        }

        var card = Card(connection);

        card.WaitForAssertion(() => Assert.Contains("sent a next page that is not a link", card.Find(".sync-attention").TextContent));
        Assert.Contains("other connections keep syncing", card.Find(".sync-attention").TextContent);
        Assert.Contains("Needs attention", card.Markup);
        Assert.Empty(card.FindAll(".sync-error"));
    }

    private sealed class UnreachableDatabase : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => throw new InvalidOperationException("the database server is unreachable");
    }

    [Fact]
    public void A_card_without_connections_says_not_connected_and_offers_the_owner_to_connect()
    {
        SignIn(TestUsers.OwnerEmail);

        var card = Card();

        Assert.Equal("Not connected", card.Find(".connection-state").TextContent.Trim());
        Assert.Equal("none", card.Find(".masked-token").TextContent);
        Assert.Contains(card.FindAll("button"), b => b.TextContent.Trim() == "Connect");
    }

    [Fact]
    public void Staff_see_the_card_without_connect_or_disconnect()
    {
        SignIn(TestUsers.StaffEmail, Roles.Staff);

        var card = Card(Connected("staff-view"));

        Assert.DoesNotContain(card.FindAll("button"), b => b.TextContent.Trim() is "Connect" or "Connect another account" or "Disconnect");
        Assert.Contains(card.FindAll("button"), b => b.TextContent.Trim() == "History");
    }

    [Fact]
    public void A_connected_account_shows_its_state_environment_and_only_the_masked_token()
    {
        SignIn(TestUsers.OwnerEmail);

        var connection = Assert.Single(Card(Connected("masked")).FindAll(".connection"));

        Assert.Equal("Connected", connection.QuerySelector(".connection-state")!.TextContent.Trim());
        Assert.Equal("Sandbox", connection.QuerySelector(".connection-environment")!.TextContent.Trim());
        Assert.Equal("5568…9d6w (53 chars)", connection.QuerySelector(".masked-token")!.TextContent);
        Assert.Equal("listings_r, transactions_r", connection.QuerySelector(".connection-scopes")!.TextContent);
        Assert.Null(connection.QuerySelector(".reauthorize-warning"));
    }

    [Fact]
    public void Scopes_given_as_ebay_urls_are_shown_by_their_short_names()
    {
        SignIn(TestUsers.OwnerEmail);
        var connection = Connected("scoped");
        connection.Scopes = ["https://api.ebay.com/oauth/api_scope", "https://api.ebay.com/oauth/api_scope/sell.fulfillment"];

        Assert.Equal("api_scope, sell.fulfillment", Card(connection).Find(".connection-scopes").TextContent);
    }

    [Fact]
    public void An_authorization_ending_within_two_weeks_warns_on_the_card_with_its_date()
    {
        SignIn(TestUsers.OwnerEmail);
        var by = DateTimeOffset.UtcNow.AddDays(3);

        var warning = Card(Connected("ending", by)).Find(".connection .reauthorize-warning");

        Assert.Contains($"Re-authorize by {by.UtcDateTime:yyyy-MM-dd HH:mm} UTC (in 2 days, 23 hours)", warning.TextContent);
        Assert.Contains("Etsy's refresh token ends then", warning.TextContent);
    }

    [Fact]
    public void Staff_who_cannot_connect_again_are_not_told_to()
    {
        SignIn(TestUsers.StaffEmail, Roles.Staff);

        var card = Card(Connected("ending-staff", DateTimeOffset.UtcNow.AddDays(3)));

        Assert.Empty(card.FindAll(".reauthorize-warning, .reauthorize-note"));
    }

    [Fact]
    public void A_connection_needing_reconnection_says_so_and_why_without_a_refresh_button()
    {
        SignIn(TestUsers.OwnerEmail);
        var connection = Connected("revoked");
        connection.State = ConnectionState.ReconnectNeeded;
        connection.StateReason = "The seller revoked access.";

        var card = Card(connection);

        Assert.Equal("Reconnect needed", card.Find(".connection-state").TextContent.Trim());
        Assert.Equal("The seller revoked access.", card.Find(".state-reason").TextContent);
        Assert.DoesNotContain(card.FindAll("button"), b => b.TextContent.Trim() == "Refresh now");
    }

    [Fact]
    public void A_notice_from_the_dashboard_shows_on_the_card_until_closed()
    {
        SignIn(TestUsers.OwnerEmail);

        var card = Render<MarketplaceCard>(p => p.Add(c => c.Overview, new MarketplaceOverview(Etsy, [], [], []))
            .Add(c => c.Notice, new CardNotice(false, "Etsy denied the authorization.")));

        Assert.Contains("Etsy denied the authorization.", card.Find(".card-notice").TextContent);
        card.Find(".card-notice button").Click();
        Assert.Empty(card.FindAll(".card-notice"));
    }
}
