using Marketplaces.Sandbox;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// eBay's /identity/v1/oauth2/token (ebay.md §1.3): a form body, client credentials only in the Basic header,
/// the RuName as redirect_uri, refresh limited to the consented scopes and without a new refresh token (its
/// 18-month clock keeps running), and application tokens by client credentials.
/// </summary>
internal sealed class EbayTokenEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return EbayOAuthErrors.NotAForm();
        var body = (await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString());
        var grantType = body.GetValueOrDefault("grant_type");
        if (grantType == "authorization_code") journal.Request(EbayEmulator.Id, "token");
        if (grantType == "refresh_token") journal.Request(EbayEmulator.Id, "refresh");

        var app = await apps.GetAsync(EbayEmulator.Id, ct);
        var client = ClientCredentials.FromBasicHeader(request);
        if (body.ContainsKey("client_id") || body.ContainsKey("client_secret") || client is null || !client.Match(app["clientId"], app["clientSecret"]))
            return EbayOAuthErrors.InvalidClient();

        return grantType switch
        {
            "authorization_code" => await ExchangeAsync(body, app["ruName"], ct),
            "refresh_token" => await RefreshAsync(body, ct),
            "client_credentials" => await ApplicationTokenAsync(body, ct),
            null or "" => EbayOAuthErrors.MissingParameter("grant_type"),
            _ => EbayOAuthErrors.UnsupportedGrantType(),
        };
    }

    private async Task<IResult> ExchangeAsync(IReadOnlyDictionary<string, string> body, string ruName, CancellationToken ct)
    {
        if (body.GetValueOrDefault("code") is not { Length: > 0 } code) return EbayOAuthErrors.MissingParameter("code");
        if (body.GetValueOrDefault("redirect_uri") is not { Length: > 0 } redirectUri) return EbayOAuthErrors.MissingParameter("redirect_uri");
        // Taken before the RuName check: a code presented wrongly is spent, as RFC 6749 §10.5 advises.
        var grant = await grants.ConsumeAsync(EbayEmulator.Id, SandboxGrantKinds.Code, code, ct);
        if (grant is null || redirectUri != ruName) return EbayOAuthErrors.InvalidCode();
        var authorization = grant.Read<EbayAuthorization>();

        var lifetimes = EbayLifetimes.From(options);
        var refreshToken = await grants.IssueAsync(EbayEmulator.Id, SandboxGrantKinds.Refresh, authorization, lifetimes.RefreshToken,
            EbayTokenFormats.RefreshToken, ct);
        var access = await AccessTokenAsync(authorization, ct);
        access["refresh_token"] = refreshToken;
        access["refresh_token_expires_in"] = (int)lifetimes.RefreshToken.TotalSeconds;
        return Results.Json(access);
    }

    private async Task<IResult> RefreshAsync(IReadOnlyDictionary<string, string> body, CancellationToken ct)
    {
        if (body.GetValueOrDefault("refresh_token") is not { Length: > 0 } refreshToken) return EbayOAuthErrors.MissingParameter("refresh_token");
        var grant = await grants.FindAsync(EbayEmulator.Id, SandboxGrantKinds.Refresh, refreshToken, ct);
        if (grant is null) return EbayOAuthErrors.InvalidRefreshToken();
        var consented = grant.Read<EbayAuthorization>();
        if (!body.ContainsKey("scope")) return EbayOAuthErrors.MissingParameter("scope");
        var requested = EbayScopes.Parse(body["scope"]);
        if (requested.Count == 0 || !requested.All(consented.Scopes.Contains)) return EbayOAuthErrors.InvalidScope();
        return Results.Json(await AccessTokenAsync(consented with { Scopes = requested }, ct));
    }

    /// <summary>An application token (no user) for the APIs that want one; only the base scope is granted here.</summary>
    private async Task<IResult> ApplicationTokenAsync(IReadOnlyDictionary<string, string> body, CancellationToken ct)
    {
        var requested = EbayScopes.Parse(body.GetValueOrDefault("scope"));
        if (requested.Count == 0 || requested.Any(s => s != EbayScopes.Base)) return EbayOAuthErrors.InvalidScope();
        var access = await AccessTokenAsync(new EbayAuthorization(Account: "", requested), ct);
        access["token_type"] = "Application Access Token";
        return Results.Json(access);
    }

    private async Task<Dictionary<string, object>> AccessTokenAsync(EbayAuthorization authorization, CancellationToken ct)
    {
        var lifetime = EbayLifetimes.From(options).AccessToken;
        var accessToken = await grants.IssueAsync(EbayEmulator.Id, SandboxGrantKinds.Access, authorization, lifetime, EbayTokenFormats.AccessToken, ct);
        return new Dictionary<string, object>
        {
            ["access_token"] = accessToken, ["expires_in"] = (int)lifetime.TotalSeconds, ["token_type"] = "User Access Token",
        };
    }
}
