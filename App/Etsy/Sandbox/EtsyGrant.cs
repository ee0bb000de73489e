namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// What the emulator remembers with each code and token it issues. Codes also carry the redirect URI and PKCE
/// challenge they were bound to; <see cref="ShopId"/> is stored so that shops can be found by id.
/// </summary>
internal sealed record EtsyGrant(
    string ClientId, string Account, long UserId, long ShopId, string Scope, string? RedirectUri = null, string? CodeChallenge = null)
{
    public EtsySandboxAccount Seller => EtsySandboxAccount.From(Account);

    public bool HasScope(string scope) => Scope.Split(' ').Contains(scope, StringComparer.Ordinal);

    public EtsyGrant ForTokens() => this with { RedirectUri = null, CodeChallenge = null };
}
