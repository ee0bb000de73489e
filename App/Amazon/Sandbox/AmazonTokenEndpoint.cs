using System.Text.Json;
using Marketplaces.Sandbox;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// Login with Amazon's /auth/o2/token (amazon.md §1.2): form or JSON body, client credentials in the body (or HTTP
/// Basic, as generic LWA allows), a single-use code bound to its redirect URI, and refresh without rotation.
/// </summary>
internal sealed class AmazonTokenEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken ct)
    {
        // The documented form body, or the JSON body Amazon's own C# SDK sends.
        var body = await SandboxBody.ReadFieldsAsync(request, ct);
        if (body is null) return AmazonLwaErrors.UnreadableBody();
        var grantType = body.GetValueOrDefault("grant_type");
        if (grantType == "authorization_code") journal.Request(AmazonEmulator.Id, "token");
        if (grantType == "refresh_token") journal.Request(AmazonEmulator.Id, "refresh");

        var app = await apps.GetAsync(AmazonEmulator.Id, ct);
        var client = ClientCredentials.FromBasicHeader(request)
            ?? (body.GetValueOrDefault("client_id") is { } id && body.GetValueOrDefault("client_secret") is { } secret ? new ClientCredentials(id, secret) : null);
        if (client is null || !client.Match(app["clientId"], app["clientSecret"])) return AmazonLwaErrors.InvalidClient();

        return grantType switch
        {
            "authorization_code" => await ExchangeAsync(body, ct),
            "refresh_token" => await RefreshAsync(body, ct),
            null or "" => AmazonLwaErrors.MissingParameter("grant_type"),
            _ => AmazonLwaErrors.UnsupportedGrantType(),
        };
    }

    private async Task<IResult> ExchangeAsync(IReadOnlyDictionary<string, string> body, CancellationToken ct)
    {
        if (body.GetValueOrDefault("code") is not { Length: > 0 } code) return AmazonLwaErrors.MissingParameter("code");
        // Taken before the redirect check: a code presented wrongly is spent, as RFC 6749 §10.5 advises.
        var grant = await grants.ConsumeAsync(AmazonEmulator.Id, SandboxGrantKinds.Code, code, ct);
        if (grant is null) return AmazonLwaErrors.InvalidGrantParameter("code");
        var authorization = grant.Read<AmazonAuthorization>();
        // RFC 6749 §4.1.3: redirect_uri is required when the authorization request carried one, and must then match;
        // SP-API's own guide exchanges codes with grant_type, code, client_id and client_secret only.
        var redirectUri = body.GetValueOrDefault("redirect_uri");
        if (string.IsNullOrEmpty(redirectUri) && authorization.RedirectUriAsked) return AmazonLwaErrors.MissingParameter("redirect_uri");
        if (!string.IsNullOrEmpty(redirectUri) && authorization.RedirectUri != redirectUri) return AmazonLwaErrors.InvalidGrantParameter("redirect_uri");

        var lifetimes = AmazonLifetimes.From(options);
        var refreshToken = await grants.IssueAsync(AmazonEmulator.Id, SandboxGrantKinds.Refresh, authorization, lifetimes.RefreshToken, "Atzr|", ct);
        return await TokenResponseAsync(authorization, refreshToken, ct);
    }

    private async Task<IResult> RefreshAsync(IReadOnlyDictionary<string, string> body, CancellationToken ct)
    {
        if (body.GetValueOrDefault("refresh_token") is not { Length: > 0 } refreshToken) return AmazonLwaErrors.MissingParameter("refresh_token");
        var grant = await grants.FindAsync(AmazonEmulator.Id, SandboxGrantKinds.Refresh, refreshToken, ct);
        if (grant is null) return AmazonLwaErrors.InvalidRefreshToken();
        // No rotation: the answer repeats the refresh token that was sent.
        return await TokenResponseAsync(grant.Read<AmazonAuthorization>(), refreshToken, ct);
    }

    private async Task<IResult> TokenResponseAsync(AmazonAuthorization authorization, string refreshToken, CancellationToken ct)
    {
        var lifetime = AmazonLifetimes.From(options).AccessToken;
        var accessToken = await grants.IssueAsync(AmazonEmulator.Id, SandboxGrantKinds.Access, authorization, lifetime, "Atza|", ct);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken, ["refresh_token"] = refreshToken, ["token_type"] = "bearer", ["expires_in"] = (int)lifetime.TotalSeconds,
        });
    }
}
