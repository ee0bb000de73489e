using System.Text.Json;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Amazon;

/// <summary>Drives the Amazon emulator over real HTTP as a seller's browser and an LWA client would.</summary>
public sealed class AmazonSandboxClient(AppFactory app) : SandboxDriver(app, "amazon")
{
    public async Task<string> ConsentUrlAsync(string? state = "state-1", string? redirectUri = null, string? applicationId = null,
        IDictionary<string, string?>? extra = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["application_id"] = applicationId ?? (await RegistrationAsync())["applicationId"], ["state"] = state, ["redirect_uri"] = redirectUri,
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>()) query[name] = value;
        return QueryHelpers.AddQueryString(new Uri(ServerAddress, "/sandbox/amazon/apps/authorize/consent").ToString(),
            query.Where(p => p.Value is not null));
    }

    /// <summary>Approves the consent page as <paramref name="account"/>; returns the callback's parameters.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ApproveAsync(string? account = null, string state = "state-1")
    {
        var response = await SandboxConsentPage.DecideAsync(Http, await ConsentUrlAsync(state, Callback), "approve", account);
        Assert.Equal(Callback, SandboxConsentPage.RedirectTarget(response));
        return SandboxConsentPage.RedirectParameters(response);
    }

    /// <summary>A form POST to the LWA token endpoint with the app's client credentials in the body.</summary>
    public async Task<HttpResponseMessage> TokenAsync(IDictionary<string, string> fields, string? clientSecret = null)
    {
        var registration = await RegistrationAsync();
        var body = new Dictionary<string, string>(fields)
        {
            ["client_id"] = registration["clientId"], ["client_secret"] = clientSecret ?? registration["clientSecret"],
        };
        return await Http.PostAsync("/sandbox/amazon/auth/o2/token", new FormUrlEncodedContent(body));
    }

    public Task<HttpResponseMessage> ExchangeAsync(string code, string? redirectUri = null) => TokenAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri ?? Callback,
    });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) => TokenAsync(new Dictionary<string, string>
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
    });

    /// <summary>Consent, approve and exchange: the token response of a freshly connected seller.</summary>
    public async Task<JsonElement> ConnectAsync(string? account = null)
    {
        var callback = await ApproveAsync(account);
        return await SandboxHttp.JsonAsync(await ExchangeAsync(callback["spapi_oauth_code"]), HttpStatusCode.OK);
    }

    public async Task<HttpResponseMessage> MarketplaceParticipationsAsync(string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/amazon/sp-api/sellers/v1/marketplaceParticipations");
        if (accessToken is not null) request.Headers.Add("x-amz-access-token", accessToken);
        return await Http.SendAsync(request);
    }
}
