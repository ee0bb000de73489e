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
{
    /// <summary>The authorize parameters carried from the page to the decision.</summary>
    private static readonly string[] Carried = ["response_type", "client_id", "redirect_uri", "state", "force_auth"];

    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken ct)
    {
        var query = request.Query;
        if (await ProblemAsync(name => query[name].ToString(), ct) is { } problem)
            return ConsentPage.Error(AliExpressSandbox.Name, problem);
        journal.Request(AliExpressSandbox.Id, "authorize");
        var hidden = Carried.Where(name => query.ContainsKey(name)).ToDictionary(name => name, name => query[name].ToString());
        return ConsentPage.Render(AliExpressSandbox.Name, AliExpressSandboxAccount.DefaultName, [],
            request.PathBase + request.Path, hidden);
    }

    public async Task<IResult> DecideAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (await ProblemAsync(name => form[name].ToString(), ct) is { } problem)
            return ConsentPage.Error(AliExpressSandbox.Name, problem);
        var redirectUri = form["redirect_uri"].ToString();
        var state = form["state"].ToString();
        if (form["decision"] != "approve")
            return Redirect(redirectUri, state, ("error", "access_denied"), ("error_description", "The buyer denied the authorization"));
        var account = form[ConsentPage.AccountField].ToString();
        if (!ConsentPage.IsValidAccount(account))
            return ConsentPage.Error(AliExpressSandbox.Name, "A sandbox account is 3 to 30 lower-case letters, digits or dashes.");
        var code = await grants.IssueAsync(AliExpressSandbox.Id, SandboxGrantKinds.Code,
            new AliExpressCodeGrant(form["client_id"].ToString(), account), options.For(AliExpressSandbox.Id).Code(AliExpressSandbox.CodeLifetime), "3_500102_", ct);
        return Redirect(redirectUri, state, ("code", code));
    }

    private async Task<string?> ProblemAsync(Func<string, string> parameter, CancellationToken ct)
    {
        var app = await AliExpressSandboxApp.LoadAsync(apps, ct);
        if (parameter("response_type") != "code") return "response_type must be code.";
        if (parameter("client_id") != app.AppKey) return "client_id is not the app key of a registered app.";
        if (parameter("redirect_uri") != urls.Callback(AliExpressSandbox.Id)) return "redirect_uri does not match the app's callback URL.";
        return null;
    }

    private static IResult Redirect(string redirectUri, string state, params (string Name, string Value)[] parameters)
    {
        var values = parameters.ToDictionary(p => p.Name, p => (string?)p.Value);
        if (state.Length > 0) values["state"] = state;
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, values));
    }
}
