using Marketplaces.Catalog;
using Marketplaces.Connections;

namespace Marketplaces.Tests.Jobs;

public sealed class ReauthorizationForecastTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 0, 0, 0, TimeSpan.Zero);

    private static Connection With(DateTimeOffset? refreshExpires, DateTimeOffset? authorizationExpires, ConnectionState state = ConnectionState.Connected) =>
        new()
        {
            Marketplace = "etsy", AccountId = "1", DisplayName = "Shop", ConnectedBy = "owner", State = state,
            RefreshTokenExpiresAt = refreshExpires, AuthorizationExpiresAt = authorizationExpires,
        };

    [Fact]
    public void A_refresh_token_ending_within_14_days_is_due()
    {
        Assert.True(ReauthorizationForecast.IsDue(With(Now.AddDays(13), null), Now));
        Assert.True(ReauthorizationForecast.IsDue(With(Now.AddDays(14), null), Now));
        Assert.False(ReauthorizationForecast.IsDue(With(Now.AddDays(15), null), Now));
    }

    [Fact]
    public void The_earlier_of_refresh_token_and_authorization_counts()
    {
        var amazon = With(null, Now.AddDays(10));
        Assert.Equal(Now.AddDays(10), amazon.ReauthorizeBy);
        Assert.True(ReauthorizationForecast.IsDue(amazon, Now));
        Assert.Equal(Now.AddDays(5), With(Now.AddDays(5), Now.AddDays(300)).ReauthorizeBy);
    }

    [Fact]
    public void Nothing_is_forecast_without_an_end_date_or_once_a_reconnect_is_already_needed()
    {
        Assert.False(ReauthorizationForecast.IsDue(With(null, null), Now));
        Assert.False(ReauthorizationForecast.IsDue(With(Now.AddDays(1), null, ConnectionState.ReconnectNeeded), Now));
    }

    [Fact]
    public void A_short_grant_is_due_only_in_its_last_quarter_and_says_how_far_away_and_why()
    {
        var aliexpress = new MarketplaceDefinition { Id = "aliexpress", Name = "AliExpress" };
        aliexpress.Lifetimes.ReauthorizationNote = "AliExpress apps in test status must be re-authorized every 2 days.";
        var connection = With(Now.AddDays(2), null);
        connection.ConnectedAt = Now;

        var atConnect = ReauthorizationForecast.For(connection, aliexpress, Now)!;
        Assert.False(atConnect.Due);
        Assert.False(ReauthorizationForecast.IsDue(connection, Now));
        Assert.True(atConnect.IsShort);
        Assert.Equal("2 days", atConnect.GrantInWords);
        Assert.Equal("in 2 days", atConnect.LeftInWords);
        Assert.Equal("AliExpress apps in test status must be re-authorized every 2 days.", atConnect.Why);

        Assert.False(ReauthorizationForecast.For(connection, aliexpress, Now.AddHours(35))!.Due);
        var late = ReauthorizationForecast.For(connection, aliexpress, Now.AddHours(36).AddMinutes(30))!;
        Assert.True(late.Due);
        Assert.True(ReauthorizationForecast.IsDue(connection, Now.AddHours(36).AddMinutes(30)));
        Assert.Equal("in 11 hours, 30 minutes", late.LeftInWords);
    }

    [Fact]
    public void Without_a_note_the_reason_is_said_from_the_lifetimes()
    {
        var etsy = new MarketplaceDefinition { Id = "etsy", Name = "Etsy" };
        etsy.Lifetimes.RefreshExtendsRefreshToken = true;
        Assert.Contains("refreshes have not been succeeding", ReauthorizationForecast.For(With(Now.AddDays(3), null), etsy, Now)!.Why);
        var amazon = new MarketplaceDefinition { Id = "amazon", Name = "Amazon" };
        Assert.Equal("Amazon asks sellers to renew an app's authorization at that date.", ReauthorizationForecast.For(With(null, Now.AddDays(3)), amazon, Now)!.Why);
    }
}
