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
    : OAuthConsentEndpoint<EbayConsentRequest>(journal)
{
    protected override string MarketplaceId => EbayEmulator.Id;
    protected override string MarketplaceName => "eBay";
    protected override string DefaultAccount => EbaySandboxAccount.DefaultName;
    protected override IReadOnlyCollection<string> Parameters => EbayConsentRequest.Parameters;

    protected override IEnumerable<string> Scopes(EbayConsentRequest consent) => consent.Scopes;

    /// <summary>Any name the user types is a user; an empty one is the default user.</summary>
    protected override string Account(string typed) => typed.Trim() is { Length: > 0 } name ? name : DefaultAccount;

    // ebay.md is silent on the declined URL's parameters; this answers as RFC 6749 §4.1.2.1 does.
    protected override IResult Deny(EbayConsentRequest consent) =>
        Redirect(consent, new() { ["error"] = "access_denied", ["error_description"] = "The user declined to grant access." });

    protected override async Task<IResult> ApproveAsync(EbayConsentRequest consent, string account, CancellationToken ct)
    {
        var user = EbaySandboxAccount.FromName(account);
        var lifetime = EbayLifetimes.From(options).Code;
        var code = await grants.IssueAsync(EbayEmulator.Id, SandboxGrantKinds.Code, new EbayAuthorization(user.Username, consent.Scopes),
            lifetime, EbayTokenFormats.Code, ct);
        return Redirect(consent, new() { ["code"] = code, ["expires_in"] = ((int)lifetime.TotalSeconds).ToString() });
    }

    /// <summary>
    /// An unknown app or RuName gets an error page (there is no verified place to send the user); a bad
    /// response_type or scope goes back to the accepted URL as an OAuth error.
    /// </summary>
    protected override async Task<(EbayConsentRequest? Request, IResult? Problem)> CheckAsync(ConsentParameters parameters, CancellationToken ct)
    {
        var consent = EbayConsentRequest.From(parameters);
        var app = await apps.GetAsync(EbayEmulator.Id, ct);
        if (string.IsNullOrEmpty(consent.ClientId) || consent.ClientId != app["clientId"])
            return (null, ConsentPage.Error(MarketplaceName, "The client_id is not the App ID of a registered application keyset."));
        if (consent.RedirectUri != app["ruName"])
            return (null, ConsentPage.Error(MarketplaceName, "The redirect_uri must be the keyset's RuName (the name eBay issued, not a URL)."));
        if (consent.ResponseType != "code")
            return (null, Redirect(consent, new() { ["error"] = "unsupported_response_type", ["error_description"] = "response_type must be code." }));
        if (consent.Scopes.Count == 0 || consent.Scopes.Any(s => !EbayScopes.User.Contains(s)))
            return (null, Redirect(consent, new() { ["error"] = "invalid_scope", ["error_description"] = "The requested scope is invalid, unknown, or malformed." }));
        return (consent, null);
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
