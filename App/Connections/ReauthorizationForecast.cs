using Humanizer;
using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>
/// When a seller must authorize a connection again, how far away that is and why. It is due (a warning) within 14 days,
/// or within a quarter of the grant when the grant is shorter: an AliExpress app in test status is granted 2 days, and
/// a warning from the moment of connecting would only teach the seller to ignore it.
/// </summary>
public sealed record ReauthorizationForecast(DateTimeOffset By, TimeSpan Left, TimeSpan Grant, string Why)
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(14);

    /// <summary>Grants shorter than this are worth mentioning before they are due: the seller re-authorizes often.</summary>
    public static readonly TimeSpan ShortGrant = TimeSpan.FromDays(30);

    public bool Due => Left <= Window(Grant);

    public bool IsShort => Grant < ShortGrant;

    /// <summary>"in 11 hours", "in 2 days"; "now" once passed.</summary>
    public string LeftInWords => Left <= TimeSpan.Zero ? "now" : "in " + Left.Humanize(precision: 2, minUnit: TimeUnit.Minute);

    /// <summary>"2 days": to the nearest hour, as the grant's end is stamped a moment before the connection is.</summary>
    public string GrantInWords => TimeSpan.FromHours(Math.Round(Grant.TotalHours)).Humanize(precision: 1, minUnit: TimeUnit.Hour);

    public static TimeSpan Window(TimeSpan grant) => grant / 4 < MaxWindow ? grant / 4 : MaxWindow;

    public static bool IsDue(Connection connection, DateTimeOffset now) =>
        connection.State == ConnectionState.Connected && connection.ReauthorizeBy is { } by && by - now <= Window(by - connection.ConnectedAt);

    public static ReauthorizationForecast? For(Connection connection, MarketplaceDefinition marketplace, DateTimeOffset now) =>
        connection.State == ConnectionState.Connected && connection.ReauthorizeBy is { } by
            ? new(by, by - now, by - connection.ConnectedAt, Reason(connection, marketplace))
            : null;

    private static string Reason(Connection connection, MarketplaceDefinition marketplace) =>
        marketplace.Lifetimes.ReauthorizationNote
        ?? (connection.AuthorizationExpiresAt is { } authorization && (connection.RefreshTokenExpiresAt is not { } refresh || authorization <= refresh)
            ? $"{marketplace.Name} asks sellers to renew an app's authorization at that date."
            : marketplace.Lifetimes.RefreshExtendsRefreshToken
                ? $"{marketplace.Name}'s refresh token ends then; each refresh extends it, so refreshes have not been succeeding."
                : $"{marketplace.Name}'s refresh token ends then, and a refresh does not extend it.");
}
