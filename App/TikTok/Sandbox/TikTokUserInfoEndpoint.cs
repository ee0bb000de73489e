using Marketplaces.Connections;
using Marketplaces.Sandbox;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// <c>GET /v2/user/info/?fields=…</c> with a bearer token: the requested fields of the token's user, each needing its
/// scope, in the v2 envelope <c>{"data":{"user":{…}},"error":{"code":"ok",…}}</c>.
/// </summary>
internal sealed class TikTokUserInfoEndpoint(SandboxGrants grants, PublicUrls urls)
{
    /// <summary>The fields this emulator knows and the scope each needs.</summary>
    private static readonly Dictionary<string, string> FieldScopes = new(StringComparer.Ordinal)
    {
        ["open_id"] = "user.info.basic", ["union_id"] = "user.info.basic", ["avatar_url"] = "user.info.basic",
        ["avatar_url_100"] = "user.info.basic", ["avatar_large_url"] = "user.info.basic", ["display_name"] = "user.info.basic",
        ["bio_description"] = "user.info.profile", ["profile_deep_link"] = "user.info.profile",
        ["is_verified"] = "user.info.profile", ["username"] = "user.info.profile",
    };

    public async Task<IResult> HandleAsync(HttpContext http, CancellationToken ct)
    {
        var token = BearerToken.Of(http.Request);
        var found = await grants.FindAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Access, token, ct);
        if (found is null)
            return TikTokErrors.Api(StatusCodes.Status401Unauthorized, "access_token_invalid",
                "The access token is invalid or not found in the request.");
        var grant = found.Read<TikTokGrant>();
        var fields = http.Request.Query["fields"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields.Any(f => !FieldScopes.ContainsKey(f)))
            return TikTokErrors.Api(StatusCodes.Status400BadRequest, "invalid_params", "fields must list known user fields separated by commas.");
        if (fields.Select(f => FieldScopes[f]).FirstOrDefault(s => !grant.HasScope(s)) is { } missing)
            return TikTokErrors.Api(StatusCodes.Status401Unauthorized, "scope_not_authorized", $"The user did not authorize the scope required: {missing}.");
        var user = TikTokSandboxAccount.From(grant.Account, grant.ClientKey);
        var values = Values(user);
        return Results.Json(new { data = new { user = fields.Distinct().ToDictionary(f => f, f => values[f]) }, error = TikTokErrors.Ok() });
    }

    private Dictionary<string, object> Values(TikTokSandboxAccount user)
    {
        var avatar = $"{urls.SandboxRoot}/{TikTokSandboxRules.Id}/avatar/{user.OpenId}.svg";
        return new Dictionary<string, object>
        {
            ["open_id"] = user.OpenId, ["union_id"] = user.UnionId, ["avatar_url"] = avatar, ["avatar_url_100"] = avatar,
            ["avatar_large_url"] = avatar, ["display_name"] = user.DisplayName, ["bio_description"] = "",
            ["profile_deep_link"] = $"{urls.SandboxRoot}/{TikTokSandboxRules.Id}/@{user.Name}", ["is_verified"] = false,
            ["username"] = user.Name,
        };
    }
}
