using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.TikTok.Sandbox;

/// <summary>
/// <c>/v2/auth/authorize/</c>: TikTok's consent page. Checks <c>client_key</c> and the exact redirect URI first (a bad
/// one gets an error page, never a redirect), then comma-separated scopes and state. Approve redirects with
/// <c>code</c>, <c>scopes</c> (what was granted) and <c>state</c>; Deny with <c>error</c> and <c>error_description</c>.
/// </summary>
internal sealed class TikTokAuthorizeEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, PublicUrls urls)
    : OAuthConsentEndpoint<TikTokAuthorizeEndpoint.AuthorizeRequest>(journal)
{
    protected override string MarketplaceId => TikTokSandboxRules.Id;
    protected override string MarketplaceName => TikTokSandboxRules.Name;
    protected override string DefaultAccount => TikTokSandboxAccount.DefaultName;

    protected override IReadOnlyCollection<string> Parameters { get; } =
        ["client_key", "response_type", "scope", "redirect_uri", "state", "disable_auto_auth"];

    internal sealed record AuthorizeRequest(string ClientKey, string RedirectUri, IReadOnlyList<string> Scopes, string State);

    protected override IEnumerable<string> Scopes(AuthorizeRequest request) => request.Scopes;

    protected override IResult Deny(AuthorizeRequest request) =>
        TikTokErrors.Redirect(request.RedirectUri, "access_denied", "The user canceled the authorization.", request.State);

    protected override async Task<IResult> ApproveAsync(AuthorizeRequest request, string account, CancellationToken ct)
    {
        var user = TikTokSandboxAccount.From(account, request.ClientKey);
        var scope = string.Join(',', request.Scopes);
        // TikTok's codes carry characters such as '*' and '!': a client must URL-decode the callback's code exactly once.
        var code = await grants.IssueAsync(TikTokSandboxRules.Id, SandboxGrantKinds.Code,
            new TikTokGrant(request.ClientKey, user.Name, user.OpenId, scope, request.RedirectUri),
            options.For(TikTokSandboxRules.Id).Code(TikTokSandboxRules.CodeLifetime), prefix: "*0!", ct: ct);
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri,
            new Dictionary<string, string?> { ["code"] = code, ["scopes"] = scope, ["state"] = request.State }));
    }

    protected override async Task<(AuthorizeRequest? Request, IResult? Problem)> CheckAsync(ConsentParameters p, CancellationToken ct)
    {
        var app = await apps.GetAsync(TikTokSandboxRules.Id, ct);
        if (p["client_key"] != app["clientKey"])
            return (null, ConsentPage.Error(TikTokSandboxRules.Name, "client_key: this app is not registered with TikTok."));
        var redirectUri = p["redirect_uri"];
        if (redirectUri != urls.Callback(TikTokSandboxRules.Id))
            return (null, ConsentPage.Error(TikTokSandboxRules.Name, "redirect_uri: this URI is not registered for the app."));
        var state = p["state"];
        IResult Fail(string error, string description) =>
            TikTokErrors.Redirect(redirectUri, error, description, state.Length > 0 ? state : null);
        if (p["response_type"] != "code") return (null, Fail("unsupported_response_type", "response_type must be code."));
        if (state.Length == 0) return (null, Fail("invalid_request", "state is required."));
        if (p["disable_auto_auth"] is not ("" or "0" or "1")) return (null, Fail("invalid_request", "disable_auto_auth must be 0 or 1."));
        var scopes = p["scope"].Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0 || scopes.Any(s => !TikTokSandboxRules.Scopes.Contains(s)))
            return (null, Fail("invalid_scope", "scope must list approved TikTok scopes separated by commas."));
        return (new AuthorizeRequest(p["client_key"], redirectUri, scopes, state), null);
    }
}
