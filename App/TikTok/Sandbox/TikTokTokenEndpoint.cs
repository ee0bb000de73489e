using Marketplaces.Sandbox;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// <c>POST /v2/oauth/token/</c>: code exchange and refresh. Codes are single use and bound to their redirect URI; every
/// refresh rotates the refresh token (the one sent is dead at once) without extending its 365-day life.
/// </summary>
internal sealed class TikTokTokenEndpoint(TikTokClientCheck client, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, TimeProvider clock)
{
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var (form, error) = await client.ReadAsync(http.Request, ct);
        var grantType = form?["grant_type"].ToString();
        if (grantType == "authorization_code") journal.Request(TikTokSandboxRules.Id, "token");
        if (grantType == "refresh_token") journal.Request(TikTokSandboxRules.Id, "refresh");
        if (error is not null) return error;
        var clientKey = form!["client_key"].ToString();
        return grantType switch
        {
            "authorization_code" => await ExchangeAsync(form, clientKey, ct),
            "refresh_token" => await RefreshAsync(form, clientKey, ct),
            "" => TikTokErrors.OAuth("invalid_request", "grant_type is required."),
            _ => TikTokErrors.OAuth("unsupported_grant_type", "grant_type must be authorization_code or refresh_token."),
        };
    }

    private async Task<IResult> ExchangeAsync(IFormCollection form, string clientKey, CancellationToken ct)
    {
        var (code, redirectUri) = (form["code"].ToString(), form["redirect_uri"].ToString());
        if (code.Length == 0 || redirectUri.Length == 0) return TikTokErrors.OAuth("invalid_request", "code and redirect_uri are required.");
        var taken = await grants.ConsumeAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Code, code, ct);
        if (taken is null) return TikTokErrors.OAuth("invalid_grant", "Authorization code is expired, invalid or already used.");
        var grant = taken.Read<TikTokGrant>();
        if (grant.ClientKey != clientKey) return TikTokErrors.OAuth("invalid_grant", "Authorization code was issued to another client.");
        if (grant.RedirectUri != redirectUri) return TikTokErrors.OAuth("invalid_grant", "redirect_uri does not match the authorization request.");
        var refreshLifetime = options.For(TikTokSandboxRules.Id).Refresh(TikTokSandboxRules.RefreshTokenLifetime);
        var tokens = grant with { RedirectUri = null, GrantId = Guid.NewGuid().ToString("N"), RefreshExpiresAt = clock.GetUtcNow() + refreshLifetime };
        return await IssueAsync(tokens, refreshLifetime, ct);
    }

    private async Task<IResult> RefreshAsync(IFormCollection form, string clientKey, CancellationToken ct)
    {
        var refreshToken = form["refresh_token"].ToString();
        if (refreshToken.Length == 0) return TikTokErrors.OAuth("invalid_request", "refresh_token is required.");
        var taken = await grants.ConsumeAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Refresh, refreshToken, ct);
        if (taken is null) return TikTokErrors.OAuth("invalid_grant", "Refresh token is invalid, expired or revoked.");
        var grant = taken.Read<TikTokGrant>();
        if (grant.ClientKey != clientKey) return TikTokErrors.OAuth("invalid_grant", "Refresh token was issued to another client.");
        return await IssueAsync(grant, grant.RefreshExpiresAt!.Value - clock.GetUtcNow(), ct);
    }

    private async Task<IResult> IssueAsync(TikTokGrant grant, TimeSpan refreshLifetime, CancellationToken ct)
    {
        var accessLifetime = options.For(TikTokSandboxRules.Id).Access(TikTokSandboxRules.AccessTokenLifetime);
        var access = await grants.IssueAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Access, grant, accessLifetime, "act.", ct);
        var refresh = await grants.IssueAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Refresh, grant, refreshLifetime, "rft.", ct);
        return Results.Json(new
        {
            access_token = access,
            expires_in = (long)accessLifetime.TotalSeconds,
            open_id = grant.OpenId,
            refresh_expires_in = (long)refreshLifetime.TotalSeconds,
            refresh_token = refresh,
            scope = grant.Scope,
            token_type = "Bearer",
        });
    }
}
