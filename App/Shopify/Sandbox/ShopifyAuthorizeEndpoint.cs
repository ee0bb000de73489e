using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// <c>/{shop}/admin/oauth/authorize</c> (fact sheet §2.1): client_id, comma-separated scopes, redirect_uri exactly
/// the registered one, state echoed; offline access only (no <c>grant_options[]=per-user</c>). The callback carries
/// code, hmac, host, shop, state and timestamp, signed with the app's client secret the way Shopify signs.
/// </summary>
internal sealed partial class ShopifyAuthorizeEndpoint(
    SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, PublicUrls urls, TimeProvider clock)
{
    private const string GrantOptions = "grant_options[]";
    private static readonly string[] Carried = ["client_id", "scope", "redirect_uri", "state", GrantOptions];

    public async Task<IResult> ShowAsync(string shop, HttpRequest request, CancellationToken ct)
    {
        var parameters = ConsentParameters.Read(request.Query, Carried);
        var app = await ShopifySandboxApp.LoadAsync(apps, ct);
        if (Problem(app, shop, parameters) is { } problem) return ConsentPage.Error(ShopifySandbox.Name, problem);
        journal.Request(ShopifySandbox.Id, "authorize");
        return ConsentPage.Render($"{ShopifySandbox.Name} ({shop})", ConsentPage.IsValidAccount(Handle(shop)) ? Handle(shop) : "sandbox-shop",
            Scopes(parameters["scope"]), request.PathBase + request.Path, parameters.Present);
    }

    public async Task<IResult> DecideAsync(string shop, HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var app = await ShopifySandboxApp.LoadAsync(apps, ct);
        if (Problem(app, shop, ConsentParameters.Read(form, Carried)) is { } problem) return ConsentPage.Error(ShopifySandbox.Name, problem);
        var callback = new Dictionary<string, string>
        {
            ["shop"] = shop,
            ["timestamp"] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        if (form["state"].ToString() is { Length: > 0 } state) callback["state"] = state;
        if (form["decision"] == "approve")
        {
            var account = form[ConsentPage.AccountField].ToString();
            if (!ConsentPage.IsValidAccount(account))
                return ConsentPage.Error(ShopifySandbox.Name, "A sandbox shop name is 3 to 30 lower-case letters, digits or dashes.");
            var grant = new ShopifyGrant(shop, app.ClientId, string.Join(',', Scopes(form["scope"].ToString())), ShopName(account));
            callback["code"] = await grants.IssueAsync(ShopifySandbox.Id, SandboxGrantKinds.Code, grant, options.For(ShopifySandbox.Id).Code(ShopifySandbox.CodeLifetime), ct: ct);
            callback["host"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin.shopify.com/store/{Handle(shop)}")).TrimEnd('=');
        }
        else
        {
            callback["error"] = "access_denied";
            callback["error_description"] = "The merchant declined to install the app";
        }
        callback[ShopifyHmac.Parameter] = ShopifyHmac.Compute(app.ClientSecret, callback);
        return Results.Redirect(QueryHelpers.AddQueryString(form["redirect_uri"].ToString(),
            callback.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))));
    }

    private string? Problem(ShopifySandboxApp app, string shop, ConsentParameters parameters)
    {
        if (!ShopDomain.IsValid(shop)) return $"There is no shop at {shop}: a shop is name.myshopify.com.";
        if (parameters["client_id"] != app.ClientId) return "Oauth error invalid_request: client_id is not the API key of a registered app.";
        if (parameters["redirect_uri"] != urls.Callback(ShopifySandbox.Id)) return "Oauth error invalid_request: The redirect_uri is not whitelisted.";
        if (Scopes(parameters["scope"]).FirstOrDefault(s => !Scope().IsMatch(s)) is { } scope) return $"Oauth error invalid_scope: '{scope}' is not a scope.";
        if (parameters[GrantOptions] is { Length: > 0 } options)
            return $"grant_options[]={options} (online access) is not emulated: this sandbox issues offline tokens.";
        return null;
    }

    /// <summary>"corner-store" of corner-store.myshopify.com.</summary>
    private static string Handle(string shop) => shop[..shop.IndexOf('.')];

    private static IEnumerable<string> Scopes(string scope) =>
        scope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);

    /// <summary>"corner-store" becomes "Corner Store": the name the Admin API answers for the shop.</summary>
    private static string ShopName(string account) =>
        string.Join(' ', account.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex("^(unauthenticated_)?(read|write)_[a-z_]+$")]
    private static partial Regex Scope();
}
