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
}
