using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// <c>/{shop}/admin/oauth/access_token</c> (fact sheet §2.1, §2.4): client credentials in the body, single-use codes,
/// <c>expiring=1</c> for an expiring offline token with a refresh token, and refresh tokens that rotate on every use.
/// </summary>
internal sealed class ShopifyTokenEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options)
{
    public async Task<IResult> HandleAsync(string shop, HttpRequest http, CancellationToken ct)
    {
        if (!ShopDomain.IsValid(shop)) return Results.Json(new JsonObject { ["errors"] = "Not Found" }, statusCode: StatusCodes.Status404NotFound);
        var request = await ShopifyTokenRequest.ReadAsync(http, ct);
        var refreshing = request?["grant_type"] == "refresh_token";
        journal.Request(ShopifySandbox.Id, refreshing ? "refresh" : "token");
        if (request is null) return ShopifyOAuthError.InvalidRequest("The request body must be a JSON object or a form");
        var app = await ShopifySandboxApp.LoadAsync(apps, ct);
        if (request["client_id"] is null || request["client_secret"] is null)
            return ShopifyOAuthError.InvalidClient(http.Headers.Authorization.Count > 0
                ? "client_id and client_secret must be sent in the request body, not in an Authorization header"
                : "client_id and client_secret are required");
        if (request["client_id"] != app.ClientId || !SameSecret(request["client_secret"]!, app.ClientSecret))
            return ShopifyOAuthError.InvalidClient("Client authentication failed");
        return request["grant_type"] switch
        {
            // Shopify's libraries send no grant_type with a code; RFC 6749 clients send authorization_code.
            null or "authorization_code" => await ExchangeAsync(shop, app, request, ct),
            "refresh_token" => await RefreshAsync(shop, app, request, ct),
            var other => ShopifyOAuthError.UnsupportedGrantType($"grant_type '{other}' is not emulated"),
        };
    }

    private async Task<IResult> ExchangeAsync(string shop, ShopifySandboxApp app, ShopifyTokenRequest request, CancellationToken ct)
    {
        if (request["code"] is null) return ShopifyOAuthError.InvalidRequest("code is required");
        if (request["expiring"] is not (null or "0" or "1")) return ShopifyOAuthError.InvalidRequest("expiring must be 0 or 1");
        var code = await grants.ConsumeAsync(ShopifySandbox.Id, SandboxGrantKinds.Code, request["code"], ct);
        if (code?.Read<ShopifyGrant>() is not { } grant || grant.Shop != shop || grant.ClientId != app.ClientId)
            return ShopifyOAuthError.InvalidGrant("The authorization code was not found or was already used");
        return await IssueAsync(grant, expiring: request["expiring"] == "1", ct);
    }

    private async Task<IResult> RefreshAsync(string shop, ShopifySandboxApp app, ShopifyTokenRequest request, CancellationToken ct)
    {
        var refresh = await grants.ConsumeAsync(ShopifySandbox.Id, SandboxGrantKinds.Refresh, request["refresh_token"], ct);
        if (refresh?.Read<ShopifyGrant>() is not { } grant || grant.Shop != shop || grant.ClientId != app.ClientId)
            return ShopifyOAuthError.InvalidGrant("The refresh token is invalid, expired or was already used");
        return await IssueAsync(grant, expiring: true, ct);
    }

    private async Task<IResult> IssueAsync(ShopifyGrant grant, bool expiring, CancellationToken ct)
    {
        var access = await grants.IssueAsync(ShopifySandbox.Id, SandboxGrantKinds.Access, grant, expiring ? options.For(ShopifySandbox.Id).Access(ShopifySandbox.AccessTokenLifetime) : null, "shpat_", ct);
        var answer = new JsonObject { ["access_token"] = access, ["scope"] = grant.Scope };
        if (expiring)
        {
            answer["expires_in"] = (long)options.For(ShopifySandbox.Id).Access(ShopifySandbox.AccessTokenLifetime).TotalSeconds;
            answer["refresh_token"] = await grants.IssueAsync(ShopifySandbox.Id, SandboxGrantKinds.Refresh, grant, options.For(ShopifySandbox.Id).Refresh(ShopifySandbox.RefreshTokenLifetime), "shprt_", ct);
            answer["refresh_token_expires_in"] = (long)options.For(ShopifySandbox.Id).Refresh(ShopifySandbox.RefreshTokenLifetime).TotalSeconds;
        }
        return Results.Json(answer);
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
