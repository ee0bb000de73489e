using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Connections;

/// <summary>Builds a marketplace's consent URL from the catalog: parameter names, scopes and separator, PKCE, extras.</summary>
public static class AuthorizeUrl
{
    public static string Build(MarketplaceTarget target, string state, string? codeVerifier)
    {
        var oauth = target.OAuth;
        var query = new List<KeyValuePair<string, string?>>
        {
            new(oauth.ClientIdParameter, target.Credentials[oauth.ClientIdCredential]),
        };
        if (oauth.SendResponseType) query.Add(new("response_type", "code"));
        if (oauth.SendRedirectUri) query.Add(new("redirect_uri", target.RedirectUri));
        if (oauth.ScopeParameter is { } scopeParameter && oauth.Scopes.Count > 0)
            query.Add(new(scopeParameter, string.Join(oauth.ScopeSeparator, oauth.Scopes)));
        query.Add(new("state", state));
        if (oauth.Pkce)
        {
            query.Add(new("code_challenge", Pkce.Challenge(codeVerifier ?? throw new ArgumentNullException(nameof(codeVerifier)))));
            query.Add(new("code_challenge_method", "S256"));
        }
        query.AddRange(oauth.ExtraAuthorizeParameters.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        // QueryHelpers encodes a space as %20, which every marketplace here accepts for space-separated scopes.
        return QueryHelpers.AddQueryString(target.Endpoints.AuthorizeUrl, query);
    }
}
