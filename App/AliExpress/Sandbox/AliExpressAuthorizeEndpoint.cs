using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>
/// <c>/oauth/authorize</c> (fact sheet §2.1): response_type=code, client_id = the app key, redirect_uri equal to
/// the registered callback; the consent decision comes back as a form post to the same path.
/// </summary>
internal sealed class AliExpressAuthorizeEndpoint(
    SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, PublicUrls urls)
    : OAuthConsentEndpoint<AliExpressAuthorizeEndpoint.AuthorizeRequest>(journal)
{
    protected override string MarketplaceId => AliExpressSandbox.Id;
    protected override string MarketplaceName => AliExpressSandbox.Name;
    protected override string DefaultAccount => AliExpressSandboxAccount.DefaultName;
    protected override IReadOnlyCollection<string> Parameters { get; } = ["response_type", "client_id", "redirect_uri", "state", "force_auth"];

    internal sealed record AuthorizeRequest(string AppKey, string RedirectUri, string State);

    protected override IResult Deny(AuthorizeRequest request) =>
        Redirect(request, ("error", "access_denied"), ("error_description", "The buyer denied the authorization"));

    protected override async Task<IResult> ApproveAsync(AuthorizeRequest request, string account, CancellationToken ct)
    {
        var code = await grants.IssueAsync(AliExpressSandbox.Id, SandboxGrantKinds.Code, new AliExpressCodeGrant(request.AppKey, account),
            options.For(AliExpressSandbox.Id).Code(AliExpressSandbox.CodeLifetime), "3_500102_", ct);
        return Redirect(request, ("code", code));
    }

    protected override async Task<(AuthorizeRequest? Request, IResult? Problem)> CheckAsync(ConsentParameters parameters, CancellationToken ct)
    {
        var app = await AliExpressSandboxApp.LoadAsync(apps, ct);
        var problem =
            parameters["response_type"] != "code" ? "response_type must be code."
            : parameters["client_id"] != app.AppKey ? "client_id is not the app key of a registered app."
            : parameters["redirect_uri"] != urls.Callback(AliExpressSandbox.Id) ? "redirect_uri does not match the app's callback URL."
            : null;
        return problem is null
            ? (new AuthorizeRequest(parameters["client_id"], parameters["redirect_uri"], parameters["state"]), null)
            : (null, ConsentPage.Error(AliExpressSandbox.Name, problem));
    }

    private static IResult Redirect(AuthorizeRequest request, params (string Name, string Value)[] parameters)
    {
        var values = parameters.ToDictionary(p => p.Name, p => (string?)p.Value);
        if (request.State.Length > 0) values["state"] = request.State;
        return Results.Redirect(QueryHelpers.AddQueryString(request.RedirectUri, values));
    }
}
