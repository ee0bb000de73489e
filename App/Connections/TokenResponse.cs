using System.Globalization;
using System.Text.Json;
using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>Reads an RFC 6749 token response (with the field-name variants the marketplaces use) into a <see cref="TokenSet"/>.</summary>
public static class TokenResponse
{
    private static readonly string[] SecretFields = ["access_token", "refresh_token", "id_token"];

    /// <summary>
    /// A refresh answer without a refresh token (no rotation) leaves <see cref="TokenSet.RefreshToken"/> null, and one
    /// without <c>scope</c> leaves the scopes empty: the caller keeps what it had.
    /// </summary>
    public static TokenSet Read(JsonElement json, MarketplaceDefinition marketplace, DateTimeOffset now)
    {
        var access = String(json, "access_token") ?? throw new MarketplaceException(
            MarketplaceErrorKind.Rejected, $"{marketplace.Name} answered without an access token");
        var lifetimes = marketplace.Lifetimes;
        var expiresIn = Number(json, "expires_in") ?? (lifetimes.AccessTokenSeconds > 0 ? lifetimes.AccessTokenSeconds : null);
        var refresh = String(json, "refresh_token");
        var refreshExpiresIn = Number(json, "refresh_token_expires_in") ?? Number(json, "refresh_expires_in");
        DateTimeOffset? refreshExpiresAt = refresh is null ? null
            : refreshExpiresIn is { } seconds ? now.AddSeconds(seconds)
            : lifetimes.RefreshTokenSeconds is { } defaultSeconds ? now.AddSeconds(defaultSeconds) : null;
        var scopes = String(json, "scope")?.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries) ?? [];
        var details = json.EnumerateObject()
            .Where(p => !SecretFields.Contains(p.Name) && p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());
        return new TokenSet(access, refresh, expiresIn is { } s ? now.AddSeconds(s) : null, refreshExpiresAt, scopes, details);
    }

    private static string? String(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static double? Number(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        } : null;
}
