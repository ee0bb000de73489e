using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.AliExpress;

/// <summary>
/// Reads the flat token body of /auth/token/create and /auth/token/refresh (fact sheet §2.2): <c>expires_in</c> and
/// <c>refresh_expires_in</c> are seconds, <c>expire_time</c> and <c>refresh_token_valid_time</c> epoch milliseconds.
/// </summary>
public static class IopTokenResponse
{
    /// <summary>The account fields kept as <see cref="TokenSet.Details"/>; ids arrive as strings or numbers.</summary>
    public static readonly string[] DetailFields =
        ["user_id", "seller_id", "havana_id", "account_id", "account", "user_nick", "account_platform", "locale", "sp"];

    public static TokenSet Read(JsonElement body, DateTimeOffset now)
    {
        var accessToken = Text(body, "access_token")
            ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, "AliExpress's token response has no access_token");
        // refresh_expires_in = 0 means the grant cannot be refreshed: the seller re-authorizes when the access token dies.
        var refreshToken = Number(body, "refresh_expires_in") is 0 ? null : Text(body, "refresh_token");
        var details = DetailFields
            .Select(name => (name, value: Text(body, name)))
            .Where(d => d.value is not null)
            .ToDictionary(d => d.name, d => d.value!);
        return new TokenSet(
            accessToken,
            refreshToken,
            Expiry(body, "expire_time", "expires_in", now),
            refreshToken is not null ? Expiry(body, "refresh_token_valid_time", "refresh_expires_in", now) : null,
            [],
            details);
    }

    private static DateTimeOffset? Expiry(JsonElement body, string absoluteMilliseconds, string relativeSeconds, DateTimeOffset now) =>
        Number(body, absoluteMilliseconds) is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at)
        : Number(body, relativeSeconds) is { } seconds ? now.AddSeconds(seconds)
        : null;

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static long? Number(JsonElement body, string name) =>
        long.TryParse(Text(body, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
