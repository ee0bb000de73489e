using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// eBay's /oauth2/authorize: the app is named by client_id and its RuName (not a URL) stands for the accepted URL
/// registered with it, here this app's callback. Approve sends the user there with <c>state</c>, <c>code</c> and
/// <c>expires_in</c>.
/// </summary>
internal sealed class EbayConsentEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, PublicUrls urls, SandboxOptions options)
{
    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken ct)
    {
        journal.Request(EbayEmulator.Id, "authorize");
        var consent = EbayConsentRequest.From(request.Query);
        if (await ProblemAsync(consent, ct) is { } problem) return problem;
        return ConsentPage.Render("eBay", EbaySandboxAccount.DefaultName, consent.Scopes, request.PathBase + request.Path, consent.FormFields());
    }

    public async Task<IResult> DecideAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return ConsentPage.Error("eBay", "The consent form was not posted.");
        var form = await request.ReadFormAsync(ct);
        var consent = EbayConsentRequest.From(form);
        if (await ProblemAsync(consent, ct) is { } problem) return problem;
        if (form["decision"] != "approve")
        {
            // ebay.md is silent on the declined URL's parameters; this answers as RFC 6749 §4.1.2.1 does.
            return Redirect(consent, new() { ["error"] = "access_denied", ["error_description"] = "The user declined to grant access." });
        }
        var name = form[ConsentPage.AccountField].ToString().Trim();
        var user = EbaySandboxAccount.FromName(name.Length > 0 ? name : EbaySandboxAccount.DefaultName);
        var lifetime = EbayLifetimes.From(options).Code;
        var code = await grants.IssueAsync(EbayEmulator.Id, SandboxGrantKinds.Code, new EbayAuthorization(user.Username, consent.Scopes),
            lifetime, EbayTokenFormats.Code, ct);
        return Redirect(consent, new() { ["code"] = code, ["expires_in"] = ((int)lifetime.TotalSeconds).ToString() });
    }

    /// <summary>
    /// An unknown app or RuName gets an error page (there is no verified place to send the user); a bad
    /// response_type or scope goes back to the accepted URL as an OAuth error.
    /// </summary>
    private async Task<IResult?> ProblemAsync(EbayConsentRequest consent, CancellationToken ct)
    {
        var app = await apps.GetAsync(EbayEmulator.Id, ct);
        if (string.IsNullOrEmpty(consent.ClientId) || consent.ClientId != app["clientId"])
            return ConsentPage.Error("eBay", "The client_id is not the App ID of a registered application keyset.");
        if (consent.RedirectUri != app["ruName"])
            return ConsentPage.Error("eBay", "The redirect_uri must be the keyset's RuName (the name eBay issued, not a URL).");
        if (consent.ResponseType != "code")
            return Redirect(consent, new() { ["error"] = "unsupported_response_type", ["error_description"] = "response_type must be code." });
        if (consent.Scopes.Count == 0 || consent.Scopes.Any(s => !EbayScopes.User.Contains(s)))
            return Redirect(consent, new() { ["error"] = "invalid_scope", ["error_description"] = "The requested scope is invalid, unknown, or malformed." });
        return null;
    }

    /// <summary>To the URL the RuName stands for, with the request's state when it had one.</summary>
    private IResult Redirect(EbayConsentRequest consent, Dictionary<string, string?> parameters)
    {
        var query = new Dictionary<string, string?>();
        if (consent.State is not null) query["state"] = consent.State;
        foreach (var (name, value) in parameters) query[name] = value;
        return Results.Redirect(QueryHelpers.AddQueryString(urls.Callback(EbayEmulator.Id), query));
    }
}
