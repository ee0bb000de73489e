using Marketplaces.Sandbox;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// <c>POST /v3/public/oauth/token</c>: a public client's token endpoint. A form or JSON body; the app is identified by
/// <c>client_id</c> alone. Codes are single use and bound to the redirect URI and PKCE challenge; every refresh
/// rotates the refresh token and the one sent stops working.
/// </summary>
internal sealed class EtsyTokenEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options)
{
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken ct)
    {
        // Etsy documents a URL-encoded form (etsy/open-api#360) and takes a JSON body too (etsy/open-api#549, etsy.md §1.2).
        if (await SandboxBody.ReadFieldsAsync(http.Request, ct) is not { } form)
            return EtsyErrors.Token("invalid_request", "The request body must be application/x-www-form-urlencoded or application/json.");
        var grantType = form.GetValueOrDefault("grant_type") ?? "";
        if (grantType == "authorization_code") journal.Request(EtsySandboxRules.Id, "token");
        if (grantType == "refresh_token") journal.Request(EtsySandboxRules.Id, "refresh");
        http.Response.Headers.CacheControl = "no-store";

        // Etsy is a public client: the shared secret never belongs on the token endpoint. Stricter than Etsy is
        // known to be, so that a client leaking the secret here fails in the sandbox.
        if (form.ContainsKey("client_secret") || http.Request.Headers.Authorization.Count > 0)
            return EtsyErrors.Token("invalid_request", "Etsy's token endpoint takes client_id only: no client secret, no Authorization header.");
        var clientId = form.GetValueOrDefault("client_id") ?? "";
        if (clientId.Length == 0) return EtsyErrors.Token("invalid_request", "client_id is required.");
        if (clientId != (await apps.GetAsync(EtsySandboxRules.Id, ct))["clientId"])
            return EtsyErrors.Token("invalid_client", "The client_id is not a known API keystring.");

        return grantType switch
        {
            "authorization_code" => await ExchangeAsync(form, clientId, ct),
            "refresh_token" => await RefreshAsync(form, clientId, ct),
            "" => EtsyErrors.Token("invalid_request", "grant_type is required."),
            _ => EtsyErrors.Token("unsupported_grant_type", "grant_type must be authorization_code or refresh_token."),
        };
    }

    private async Task<IResult> ExchangeAsync(IReadOnlyDictionary<string, string> form, string clientId, CancellationToken ct)
    {
        var (code, redirectUri, verifier) = (form.GetValueOrDefault("code") ?? "", form.GetValueOrDefault("redirect_uri") ?? "", form.GetValueOrDefault("code_verifier") ?? "");
        if (code.Length == 0 || redirectUri.Length == 0 || verifier.Length == 0)
            return EtsyErrors.Token("invalid_request", "code, redirect_uri and code_verifier are required.");
        if (!PkceRules.IsVerifier(verifier))
            return EtsyErrors.Token("invalid_request", "code_verifier must be 43 to 128 characters from [A-Za-z0-9-._~].");
        var taken = await grants.ConsumeAsync(EtsySandboxRules.Id, SandboxGrantKinds.Code, code, ct);
        if (taken is null) return EtsyErrors.Token("invalid_grant", "code is invalid, expired or already used.");
        var grant = taken.Read<EtsyGrant>();
        if (grant.ClientId != clientId) return EtsyErrors.Token("invalid_grant", "code was issued to another client.");
        if (grant.RedirectUri != redirectUri) return EtsyErrors.Token("invalid_grant", "redirect_uri does not match the authorization request.");
        if (!PkceRules.Matches(verifier, grant.CodeChallenge!)) return EtsyErrors.Token("invalid_grant", "code_verifier does not match code_challenge.");
        return await IssueAsync(grant.ForTokens(), ct);
    }

    private async Task<IResult> RefreshAsync(IReadOnlyDictionary<string, string> form, string clientId, CancellationToken ct)
    {
        var refreshToken = form.GetValueOrDefault("refresh_token") ?? "";
        if (refreshToken.Length == 0) return EtsyErrors.Token("invalid_request", "refresh_token is required.");
        var taken = await grants.ConsumeAsync(EtsySandboxRules.Id, SandboxGrantKinds.Refresh, refreshToken, ct);
        if (taken is null) return EtsyErrors.Token("invalid_grant", "refresh_token is revoked");
        var grant = taken.Read<EtsyGrant>();
        if (grant.ClientId != clientId) return EtsyErrors.Token("invalid_grant", "refresh_token is revoked");
        return await IssueAsync(grant, ct);
    }

    /// <summary>Both tokens are <c>{user_id}.{opaque}</c>, as Etsy's.</summary>
    private async Task<IResult> IssueAsync(EtsyGrant grant, CancellationToken ct)
    {
        var prefix = $"{grant.UserId}.";
        var accessLifetime = options.For(EtsySandboxRules.Id).Access(EtsySandboxRules.AccessTokenLifetime);
        var access = await grants.IssueAsync(EtsySandboxRules.Id, SandboxGrantKinds.Access, grant, accessLifetime, prefix, ct);
        var refresh = await grants.IssueAsync(EtsySandboxRules.Id, SandboxGrantKinds.Refresh, grant,
            options.For(EtsySandboxRules.Id).Refresh(EtsySandboxRules.RefreshTokenLifetime), prefix, ct);
        return Results.Json(new
        {
            access_token = access, token_type = "Bearer", expires_in = (long)accessLifetime.TotalSeconds, refresh_token = refresh,
        });
    }
}
