using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>
/// The RFC 6749 token endpoint as the catalog describes each marketplace's variant: form or JSON body, client
/// credentials in a Basic header, in the body, or only the client id (public PKCE client), eBay's scopes on refresh.
/// </summary>
public sealed class OAuth2TokenProtocol(IHttpClientFactory http, TimeProvider clock) : ITokenProtocol
{
    public bool Handles(TokenRequestStyle style) => style is TokenRequestStyle.Form or TokenRequestStyle.Json;

    public Task<TokenSet> ExchangeAsync(MarketplaceTarget target, string code, string? codeVerifier, CancellationToken ct)
    {
        var oauth = target.OAuth;
        var fields = new Dictionary<string, string> { ["code"] = code };
        if (oauth.SendGrantTypeOnExchange) fields["grant_type"] = "authorization_code";
        if (oauth.SendRedirectUriOnExchange) fields["redirect_uri"] = target.RedirectUri;
        if (codeVerifier is not null) fields["code_verifier"] = codeVerifier;
        foreach (var (name, value) in oauth.ExtraExchangeParameters) fields[name] = value;
        return RequestAsync(target, target.Endpoints.TokenUrl, fields, ct);
    }

    public Task<TokenSet> RefreshAsync(MarketplaceTarget target, string refreshToken, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        var fields = new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken };
        if (target.OAuth.SendScopesOnRefresh) fields["scope"] = string.Join(target.OAuth.ScopeSeparator, scopes);
        return RequestAsync(target, target.Endpoints.RefreshUrl, fields, ct);
    }

    /// <summary>
    /// An application token (RFC 6749 §4.4 client credentials): no user, for the calls a marketplace makes on the
    /// application's own behalf (eBay's Taxonomy API).
    /// </summary>
    public Task<TokenSet> ApplicationTokenAsync(MarketplaceTarget target, IReadOnlyList<string> scopes, CancellationToken ct) =>
        RequestAsync(target, target.Endpoints.TokenUrl,
            new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = string.Join(target.OAuth.ScopeSeparator, scopes) }, ct);

    /// <summary>Revokes a token where the catalog names a revoke endpoint (form body, the client authenticated as for tokens).</summary>
    public async Task RevokeAsync(MarketplaceTarget target, string token, CancellationToken ct)
    {
        var url = target.Endpoints.RevokeUrl ?? throw new InvalidOperationException($"{target.Marketplace.Name} has no revoke endpoint");
        var fields = new Dictionary<string, string> { [target.OAuth.RevokeTokenParameter] = token };
        using var request = Authenticated(target, url, fields);
        using var response = await MarketplaceHttp.SendAsync(http.Create(), request, target.Marketplace.Name, ct);
        if (!response.IsSuccessStatusCode) throw MarketplaceHttp.Failure(response, null, target.Marketplace.Name);
    }

    private async Task<TokenSet> RequestAsync(MarketplaceTarget target, string url, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var request = Authenticated(target, url, fields);
        var now = clock.GetUtcNow();
        using var response = await MarketplaceHttp.SendAsync(http.Create(), request, target.Marketplace.Name, ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, target.Marketplace.Name, ct);
        return TokenResponse.Read(json.RootElement, target.Marketplace, now);
    }

    private static HttpRequestMessage Authenticated(MarketplaceTarget target, string url, Dictionary<string, string> fields)
    {
        var oauth = target.OAuth;
        var clientId = target.Credentials[oauth.TokenClientIdCredential ?? oauth.ClientIdCredential];
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        switch (oauth.ClientAuthentication)
        {
            case ClientAuthentication.BasicHeader:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{target.Credentials["clientSecret"]}")));
                break;
            case ClientAuthentication.Body:
                fields[oauth.TokenClientIdParameter] = clientId;
                fields[oauth.TokenClientSecretParameter] = target.Credentials["clientSecret"];
                break;
            case ClientAuthentication.ClientIdOnly:
                fields[oauth.TokenClientIdParameter] = clientId;
                break;
        }
        request.Content = oauth.TokenRequestStyle == TokenRequestStyle.Json
            ? JsonContent.Create(fields)
            : new FormUrlEncodedContent(fields);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}
