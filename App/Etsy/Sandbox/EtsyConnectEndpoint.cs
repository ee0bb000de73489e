using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// <c>/oauth/connect</c>: Etsy's consent page. Checks the app and its exact redirect URI first (a bad one gets Etsy's
/// error page, never a redirect), then PKCE S256, scopes and state; Approve redirects with <c>code</c> and
/// <c>state</c>, Deny with <c>error=access_denied</c>.
/// </summary>
internal sealed class EtsyConnectEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, PublicUrls urls)
    : OAuthConsentEndpoint<EtsyConnectEndpoint.ConnectRequest>(journal)
{
    protected override string MarketplaceId => EtsySandboxRules.Id;
    protected override string MarketplaceName => EtsySandboxRules.Name;
    protected override string DefaultAccount => EtsySandboxAccount.DefaultName;

    protected override IReadOnlyCollection<string> Parameters { get; } =
        ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"];

    internal sealed record ConnectRequest(string ClientId, string RedirectUri, IReadOnlyList<string> Scopes, string State, string CodeChallenge);

    protected override IEnumerable<string> Scopes(ConnectRequest request) => request.Scopes;

    protected override IResult Deny(ConnectRequest request) =>
        EtsyErrors.Redirect(request.RedirectUri, "access_denied", "The user denied the request.", request.State);

    protected override async Task<IResult> ApproveAsync(ConnectRequest request, string account, CancellationToken ct)
    {
        var seller = EtsySandboxAccount.From(account);
        var code = await grants.IssueAsync(EtsySandboxRules.Id, SandboxGrantKinds.Code,
            new EtsyGrant(request.ClientId, seller.Name, seller.UserId, seller.ShopId, string.Join(' ', request.Scopes),
                request.RedirectUri, request.CodeChallenge),
            options.For(EtsySandboxRules.Id).Code(EtsySandboxRules.CodeLifetime), ct: ct);
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri,
            new Dictionary<string, string?> { ["code"] = code, ["state"] = request.State }));
    }

    protected override async Task<(ConnectRequest? Request, IResult? Problem)> CheckAsync(ConsentParameters p, CancellationToken ct)
    {
        var app = await apps.GetAsync(EtsySandboxRules.Id, ct);
        if (p["client_id"] != app["clientId"])
            return (null, ConsentPage.Error(EtsySandboxRules.Name, "The application (client_id) is not known to Etsy."));
        var redirectUri = p["redirect_uri"];
        if (redirectUri != urls.Callback(EtsySandboxRules.Id))
            return (null, ConsentPage.Error(EtsySandboxRules.Name, "The requested redirect URL is not permitted."));
        var state = p["state"];
        IResult Fail(string error, string description) =>
            EtsyErrors.Redirect(redirectUri, error, description, state.Length > 0 ? state : null);
        if (p["response_type"] != "code") return (null, Fail("unsupported_response_type", "response_type must be code."));
        if (state.Length == 0) return (null, Fail("invalid_request", "state is required."));
        if (p["code_challenge_method"] != "S256") return (null, Fail("invalid_request", "code_challenge_method must be S256."));
        if (!PkceRules.IsChallenge(p["code_challenge"])) return (null, Fail("invalid_request", "code_challenge must be a base64url SHA-256 hash."));
        var scopes = p["scope"].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0 || scopes.Any(s => !EtsySandboxRules.Scopes.Contains(s)))
            return (null, Fail("invalid_scope", "scope must list Etsy scopes separated by spaces."));
        return (new ConnectRequest(p["client_id"], redirectUri, scopes, state, p["code_challenge"]), null);
    }
}
