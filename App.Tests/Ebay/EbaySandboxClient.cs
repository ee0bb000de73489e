using System.Text.Json;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Ebay;

/// <summary>Drives the eBay emulator over real HTTP as a user's browser and an OAuth client would.</summary>
public sealed class EbaySandboxClient(AppFactory app) : SandboxDriver(app, "ebay")
{
    public const string BaseScope = "https://api.ebay.com/oauth/api_scope";
    public const string InventoryScope = BaseScope + "/sell.inventory";
    public const string IdentityScope = BaseScope + "/commerce.identity.readonly";
    public static readonly string ConsentedScopes = $"{BaseScope} {InventoryScope} {IdentityScope}";

    /// <summary>A consent URL with the registration's App ID and RuName; pass a key with null to leave it out.</summary>
    public async Task<string> ConsentUrlAsync(IDictionary<string, string?>? overrides = null)
    {
        var registration = await RegistrationAsync();
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = registration["clientId"], ["redirect_uri"] = registration["ruName"], ["response_type"] = "code",
            ["scope"] = ConsentedScopes, ["state"] = "state-1",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>()) query[name] = value;
        return QueryHelpers.AddQueryString(new Uri(ServerAddress, "/sandbox/ebay/oauth2/authorize").ToString(),
            query.Where(p => p.Value is not null));
    }

    /// <summary>Approves the consent page as <paramref name="account"/>; returns the callback's parameters.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ApproveAsync(string? account = null, IDictionary<string, string?>? overrides = null)
    {
        var response = await SandboxConsentPage.DecideAsync(Http, await ConsentUrlAsync(overrides), "approve", account);
        Assert.Equal(Callback, SandboxConsentPage.RedirectTarget(response));
        return SandboxConsentPage.RedirectParameters(response);
    }

    /// <summary>A form POST to the token endpoint with the keyset in the Basic header, as eBay requires.</summary>
    public async Task<HttpResponseMessage> TokenAsync(IDictionary<string, string> fields, string? clientSecret = null)
    {
        var registration = await RegistrationAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/sandbox/ebay/api/identity/v1/oauth2/token")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        request.Headers.Authorization = SandboxHttp.Basic(registration["clientId"], clientSecret ?? registration["clientSecret"]);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> ExchangeAsync(string code, string? redirectUri = null) =>
        await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri ?? (await RegistrationAsync())["ruName"],
        });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken, string scope) => TokenAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["scope"] = scope,
    });

    /// <summary>Consent, approve and exchange: the token response of a freshly connected user.</summary>
    public async Task<JsonElement> ConnectAsync(string? account = null, string? scope = null)
    {
        var callback = await ApproveAsync(account, scope is null ? null : new Dictionary<string, string?> { ["scope"] = scope });
        return await SandboxHttp.JsonAsync(await ExchangeAsync(callback["code"]), HttpStatusCode.OK);
    }

    public async Task<HttpResponseMessage> GetUserAsync(string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/ebay/apiz/commerce/identity/v1/user/");
        if (accessToken is not null) request.Headers.Authorization = new("Bearer", accessToken);
        return await Http.SendAsync(request);
    }
}
