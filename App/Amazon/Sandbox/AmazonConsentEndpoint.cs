using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// Seller Central's /apps/authorize/consent: checks the application id and redirect URI, shows the roles the app
/// asks for, and on Approve sends the seller back with <c>state</c>, <c>selling_partner_id</c> and <c>spapi_oauth_code</c>.
/// </summary>
internal sealed class AmazonConsentEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, PublicUrls urls, SandboxOptions options)
    : OAuthConsentEndpoint<AmazonConsentRequest>(journal)
{
    /// <summary>The roles the sandbox app is registered with; Amazon shows them instead of OAuth scopes.</summary>
    private static readonly string[] Roles = ["Product Listing", "Inventory and Order Tracking", "Buyer Communication"];

    protected override string MarketplaceId => AmazonEmulator.Id;
    protected override string MarketplaceName => "Amazon";
    protected override string PageTitle => "Amazon Seller Central";
    protected override string DefaultAccount => AmazonSandboxAccount.DefaultName;
    protected override IReadOnlyCollection<string> Parameters => AmazonConsentRequest.Parameters;

    protected override IEnumerable<string> Scopes(AmazonConsentRequest consent) => Roles;

    /// <summary>Any name the seller types is a seller; an empty one is the default seller.</summary>
    protected override string Account(string typed) => typed.Trim() is { Length: > 0 } name ? name : DefaultAccount;

    // amazon.md is silent on denial; this answers as Login with Amazon does (RFC 6749 §4.1.2.1).
    protected override IResult Deny(AmazonConsentRequest consent) =>
        Results.Redirect(QueryHelpers.AddQueryString(Callback(consent), new Dictionary<string, string?>
        {
            ["state"] = consent.State, ["error"] = "access_denied", ["error_description"] = "The seller did not authorize the application.",
        }));

    protected override async Task<IResult> ApproveAsync(AmazonConsentRequest consent, string account, CancellationToken ct)
    {
        var seller = AmazonSandboxAccount.FromName(account);
        var callback = Callback(consent);
        var code = await grants.IssueAsync(AmazonEmulator.Id, SandboxGrantKinds.Code, new AmazonAuthorization(seller.Name, callback, consent.RedirectUri is not null),
            AmazonLifetimes.From(options).Code, "AN", ct);
        return Results.Redirect(QueryHelpers.AddQueryString(callback, new Dictionary<string, string?>
        {
            ["state"] = consent.State, ["selling_partner_id"] = seller.SellingPartnerId, ["spapi_oauth_code"] = code,
        }));
    }

    /// <summary>The app's only registered OAuth redirect URI, also the default when the request names none.</summary>
    private string RegisteredCallback => urls.Callback(AmazonEmulator.Id);

    private string Callback(AmazonConsentRequest consent) => consent.RedirectUri ?? RegisteredCallback;

    protected override async Task<(AmazonConsentRequest? Request, IResult? Problem)> CheckAsync(ConsentParameters parameters, CancellationToken ct)
    {
        var consent = AmazonConsentRequest.From(parameters);
        return await ProblemAsync(consent, ct) is { } problem ? (null, ConsentPage.Error(MarketplaceName, problem)) : (consent, null);
    }

    private async Task<string?> ProblemAsync(AmazonConsentRequest consent, CancellationToken ct)
    {
        var app = await apps.GetAsync(AmazonEmulator.Id, ct);
        if (consent.ForeignParameters.Count > 0)
            return $"Seller Central's consent URL takes no {string.Join(", ", consent.ForeignParameters)}: the app is named by application_id and its roles come from its registration.";
        if (string.IsNullOrEmpty(consent.ApplicationId) || consent.ApplicationId != app["applicationId"])
            return "The application_id does not name a registered Selling Partner API application.";
        if (consent.RedirectUri is not null && consent.RedirectUri != RegisteredCallback)
            return "MD5101: the redirect_uri is not one of the application's registered OAuth redirect URIs.";
        if (string.IsNullOrEmpty(consent.State)) return "The request carries no state.";
        return null;
    }
}
