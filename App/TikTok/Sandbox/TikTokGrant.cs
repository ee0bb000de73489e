namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// What the emulator remembers with each code and token. Codes carry their redirect URI; tokens carry the id of the
/// authorization they descend from (revoke ends all of them) and the refresh token's fixed end of life.
/// </summary>
internal sealed record TikTokGrant(
    string ClientKey, string Account, string OpenId, string Scope,
    string? RedirectUri = null, string? GrantId = null, DateTimeOffset? RefreshExpiresAt = null)
{
    public bool HasScope(string scope) => Scope.Split(',').Contains(scope, StringComparer.Ordinal);
}
