using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.TikTok;

/// <summary>Plays the app's part against the TikTok emulator over real HTTP: consent, code exchange, refresh, revoke, user info.</summary>
public sealed class TikTokSandboxDriver(ServerAppFactory app) : SandboxDriver(app, "tiktok")
{
    /// <summary>A valid authorize request; <paramref name="changes"/> replaces (or, with null, removes) parameters.</summary>
    public async Task<Dictionary<string, string?>> AuthorizeParametersAsync(Dictionary<string, string?>? changes = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_key"] = (await RegistrationAsync())["clientKey"], ["response_type"] = "code",
            ["scope"] = "user.info.basic,video.upload,video.publish", ["redirect_uri"] = Callback, ["state"] = "state-456",
            ["disable_auto_auth"] = "1",
        };
        foreach (var (key, value) in changes ?? []) parameters[key] = value;
        return parameters;
    }

    public Task<HttpResponseMessage> ConsentPageAsync(Dictionary<string, string?> parameters) =>
        Http.GetAsync(QueryHelpers.AddQueryString("/sandbox/tiktok/v2/auth/authorize/", parameters.Where(p => p.Value is not null)));

    /// <returns>The callback's query parameters (decoded once) after the user pressed <paramref name="decision"/>.</returns>
    public async Task<Dictionary<string, string>> DecideAsync(Dictionary<string, string?> parameters, string decision = "approve", string account = "tiktok-creator")
    {
        using var page = await ConsentPageAsync(parameters);
        return await AnswerAsync(page, decision, account);
    }

    public async Task<string> CodeAsync(string account = "tiktok-creator", string? scope = null) =>
        (await DecideAsync(await AuthorizeParametersAsync(scope is null ? null : new() { ["scope"] = scope }), account: account))["code"];

    public Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form) =>
        Http.PostAsync("/sandbox/tiktok/open-api/v2/oauth/token/", new FormUrlEncodedContent(form));

    public async Task<Dictionary<string, string>> ExchangeFormAsync(string code)
    {
        var registration = await RegistrationAsync();
        return new()
        {
            ["client_key"] = registration["clientKey"], ["client_secret"] = registration["clientSecret"], ["code"] = code,
            ["grant_type"] = "authorization_code", ["redirect_uri"] = Callback,
        };
    }

    public async Task<Dictionary<string, string>> RefreshFormAsync(string refreshToken)
    {
        var registration = await RegistrationAsync();
        return new()
        {
            ["client_key"] = registration["clientKey"], ["client_secret"] = registration["clientSecret"],
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
        };
    }

    public async Task<HttpResponseMessage> RevokeAsync(string accessToken)
    {
        var registration = await RegistrationAsync();
        return await Http.PostAsync("/sandbox/tiktok/open-api/v2/oauth/revoke/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_key"] = registration["clientKey"], ["client_secret"] = registration["clientSecret"], ["token"] = accessToken,
        }));
    }

    /// <summary>Consent, approval and exchange: the token response's JSON.</summary>
    public async Task<JsonElement> ConnectAsync(string account = "tiktok-creator", string? scope = null)
    {
        using var response = await TokenAsync(await ExchangeFormAsync(await CodeAsync(account, scope)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    public async Task<HttpResponseMessage> UserInfoAsync(string? accessToken, string fields = "open_id,union_id,avatar_url,display_name")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/sandbox/tiktok/open-api/v2/user/info/?fields={fields}");
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Http.SendAsync(request);
    }
}
