using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// Seller Central's /apps/authorize/consent: checks the application id and redirect URI, shows the roles the app
/// asks for, and on Approve sends the seller back with <c>state</c>, <c>selling_partner_id</c> and <c>spapi_oauth_code</c>.
/// </summary>
internal sealed class AmazonConsentEndpoint(SandboxApps apps, SandboxGrants grants, SandboxJournal journal, PublicUrls urls, SandboxOptions options)
{
    /// <summary>The roles the sandbox app is registered with; Amazon shows them instead of OAuth scopes.</summary>
    private static readonly string[] Roles = ["Product Listing", "Inventory and Order Tracking", "Buyer Communication"];

    public async Task<IResult> ShowAsync(HttpRequest request, CancellationToken ct)
    {
        journal.Request(AmazonEmulator.Id, "authorize");
        var consent = AmazonConsentRequest.From(request.Query);
        var problem = await ProblemAsync(consent, ct);
        if (problem is not null) return ConsentPage.Error("Amazon", problem);
        return ConsentPage.Render("Amazon Seller Central", AmazonSandboxAccount.DefaultName, Roles,
            request.PathBase + request.Path, consent.FormFields());
    }

    public async Task<IResult> DecideAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return ConsentPage.Error("Amazon", "The consent form was not posted.");
        var form = await request.ReadFormAsync(ct);
        var consent = AmazonConsentRequest.From(form);
        var problem = await ProblemAsync(consent, ct);
        if (problem is not null) return ConsentPage.Error("Amazon", problem);
        var callback = consent.RedirectUri ?? RegisteredCallback;
        if (form["decision"] != "approve")
        {
            // amazon.md is silent on denial; this answers as Login with Amazon does (RFC 6749 §4.1.2.1).
            return Results.Redirect(QueryHelpers.AddQueryString(callback, new Dictionary<string, string?>
            {
                ["state"] = consent.State, ["error"] = "access_denied", ["error_description"] = "The seller did not authorize the application.",
            }));
        }
        var name = form[ConsentPage.AccountField].ToString().Trim();
        var seller = AmazonSandboxAccount.FromName(name.Length > 0 ? name : AmazonSandboxAccount.DefaultName);
        var code = await grants.IssueAsync(AmazonEmulator.Id, SandboxGrantKinds.Code, new AmazonAuthorization(seller.Name, callback),
            AmazonLifetimes.From(options).Code, "AN", ct);
        return Results.Redirect(QueryHelpers.AddQueryString(callback, new Dictionary<string, string?>
        {
            ["state"] = consent.State, ["selling_partner_id"] = seller.SellingPartnerId, ["spapi_oauth_code"] = code,
        }));
    }

    /// <summary>The app's only registered OAuth redirect URI, also the default when the request names none.</summary>
    private string RegisteredCallback => urls.Callback(AmazonEmulator.Id);

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
