namespace Marketplaces.Connections;

/// <summary>When a seller must authorize again soon (refresh token or marketplace authorization ending within 14 days).</summary>
public static class ReauthorizationForecast
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    public static bool IsDue(Connection connection, DateTimeOffset now) =>
        connection.State == ConnectionState.Connected && connection.ReauthorizeBy is { } by && by - now <= Window;
}
