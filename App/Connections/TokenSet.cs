namespace Marketplaces.Connections;

/// <summary>What a token endpoint answered, in memory only: the vault stores the secrets, never this object.</summary>
public sealed record TokenSet(
    string AccessToken,
    string? RefreshToken,
    DateTimeOffset? AccessTokenExpiresAt,
    DateTimeOffset? RefreshTokenExpiresAt,
    IReadOnlyList<string> Scopes,
    IReadOnlyDictionary<string, string> Details)
{
    /// <summary>Never the token itself: records print their members, and a token must not reach a log.</summary>
    public override string ToString() => $"TokenSet(expires {AccessTokenExpiresAt:O}, scopes {string.Join(' ', Scopes)})";
}

/// <summary>Who authorized the connection: the marketplace's stable id for the account and a name to show.</summary>
public sealed record AccountIdentity(string AccountId, string DisplayName);
