using Marketplaces.Sandbox;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// <c>POST /v2/oauth/revoke/</c> with the access token: ends the whole authorization, so every access and refresh
/// token descending from the same consent stops working. Answers <c>{}</c>.
/// </summary>
internal sealed class TikTokRevokeEndpoint(TikTokClientCheck client, SandboxGrants grants, SandboxJournal journal)
{
    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken ct)
    {
        journal.Request(TikTokSandboxRules.Id, "revoke");
        var (form, error) = await client.ReadAsync(http.Request, ct);
        if (error is not null) return error;
        var token = form!["token"].ToString();
        if (token.Length == 0) return TikTokErrors.OAuth("invalid_request", "token is required.");
        var found = await grants.FindAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Access, token, ct);
        // An unknown, expired or already revoked token is answered like a revoked one (RFC 7009 §2.2): TikTok documents nothing else.
        if (found is null) return Results.Json(new { });
        var grant = found.Read<TikTokGrant>();
        if (grant.ClientKey != form["client_key"]) return TikTokErrors.OAuth("unauthorized_client", "The token was issued to another client.");
        foreach (var kind in new[] { SandboxGrantKinds.Access, SandboxGrantKinds.Refresh })
            await grants.RevokeWhereAsync(TikTokSandboxRules.Id, kind, "grantId", grant.GrantId!, ct);
        return Results.Json(new { });
    }
}
