using System.Globalization;
using Marketplaces.Sandbox;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// What every Open API v3 call must carry: <c>x-api-key: keystring:shared_secret</c> (enforced by Etsy since
/// 9 Feb 2026) and, for endpoints with oauth2 scopes, a live bearer token of the same app holding the scope.
/// </summary>
internal sealed class EtsyApiGate(SandboxApps apps, SandboxGrants grants)
{
    private const string MalformedKey = "Invalid API key: should be in the format 'keystring:shared_secret'.";

    /// <returns>null when the x-api-key header names the sandbox app with its shared secret, otherwise Etsy's 403.</returns>
    public async Task<IResult?> CheckApiKeyAsync(HttpRequest request, CancellationToken ct)
    {
        var value = request.Headers["x-api-key"].ToString();
        if (value.Length > 0 && !value.Contains(':'))
            return EtsyErrors.Api(StatusCodes.Status403Forbidden, "Shared secret is required in x-api-key header.");
        var parts = value.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            return EtsyErrors.Api(StatusCodes.Status403Forbidden, MalformedKey);
        var app = await apps.GetAsync(EtsySandboxRules.Id, ct);
        return parts[0] == app["clientId"] && parts[1] == app["sharedSecret"]
            ? null
            : EtsyErrors.Api(StatusCodes.Status403Forbidden, "Invalid API key: the keystring and shared secret do not match an application.");
    }

    /// <returns>The grant behind the bearer token, or Etsy's error.</returns>
    public async Task<(EtsyGrant? Grant, IResult? Error)> AuthorizeAsync(HttpRequest request, string scope, CancellationToken ct)
    {
        if (await CheckApiKeyAsync(request, ct) is { } keyError) return (null, keyError);
        if (BearerToken.Of(request) is not { } token) return (null, EtsyErrors.InvalidToken("access token is missing"));
        var found = await grants.FindAsync(EtsySandboxRules.Id, SandboxGrantKinds.Access, token, ct);
        if (found is null)
        {
            var expired = await grants.HasExpiredAsync(EtsySandboxRules.Id, SandboxGrantKinds.Access, token, ct);
            return (null, EtsyErrors.InvalidToken(expired ? "access token is expired" : "access token is invalid"));
        }
        var grant = found.Read<EtsyGrant>();
        var app = await apps.GetAsync(EtsySandboxRules.Id, ct);
        if (grant.ClientId != app["clientId"]) return (null, EtsyErrors.InvalidToken("access token was issued to another application"));
        if (!grant.HasScope(scope))
            return (null, EtsyErrors.Api(StatusCodes.Status403Forbidden, $"The access token lacks the scope this endpoint requires: {scope}."));
        return (grant, null);
    }

    /// <summary>
    /// <see cref="AuthorizeAsync"/> for a call on <c>/shops/{shop_id}</c>: the shop must be the token owner's own
    /// (403 otherwise; the sheet does not say what Etsy answers for another seller's shop).
    /// </summary>
    public async Task<(EtsyGrant? Grant, IResult? Error)> AuthorizeShopAsync(HttpRequest request, string shopId, string scope, CancellationToken ct)
    {
        var (grant, error) = await AuthorizeAsync(request, scope, ct);
        if (error is not null) return (null, error);
        if (!long.TryParse(shopId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
            return (null, EtsyErrors.Api(StatusCodes.Status400BadRequest, "shop_id must be a positive integer."));
        return id == grant!.ShopId ? (grant, null)
            : (null, EtsyErrors.Api(StatusCodes.Status403Forbidden, $"The access token does not grant access to shop {id}."));
    }
}
