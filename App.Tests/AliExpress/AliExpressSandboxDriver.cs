using System.Globalization;
using System.Text.Json;
using Marketplaces.AliExpress;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.AliExpress;

/// <summary>Plays the seller's browser and the app's server against the AliExpress emulator, over real HTTP.</summary>
public sealed class AliExpressSandboxDriver(ServerAppFactory app) : SandboxDriver(app, "aliexpress")
{
    public const string AuthorizePath = "/sandbox/aliexpress/oauth/authorize";
    public const string CreatePath = "/sandbox/aliexpress/rest/auth/token/create";
    public const string RefreshPath = "/sandbox/aliexpress/rest/auth/token/refresh";
    public const string SyncPath = "/sandbox/aliexpress/sync";

    public async Task<(string Key, string Secret)> AppAsync()
    {
        var values = await RegistrationAsync();
        return (values["appKey"], values["appSecret"]);
    }

    public async Task<string> AuthorizeUrlAsync(string? redirectUri = null, string? clientId = null) =>
        QueryHelpers.AddQueryString(AuthorizePath, new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["force_auth"] = "true", ["client_id"] = clientId ?? (await AppAsync()).Key,
            ["redirect_uri"] = redirectUri ?? Callback, ["state"] = "state-42",
        });

    /// <returns>The code the callback received.</returns>
    public async Task<string> ApproveAsync(string account = "sandbox-buyer")
    {
        var response = await SandboxConsentPage.DecideAsync(Http, await AuthorizeUrlAsync(), "approve", account);
        return SandboxConsentPage.RedirectParameters(response)["code"];
    }

    /// <summary>app_key, a current timestamp and sign_method, plus the given parameters; not yet signed.</summary>
    public async Task<Dictionary<string, string>> ParametersAsync(params (string Name, string Value)[] parameters)
    {
        var values = new Dictionary<string, string>
        {
            ["app_key"] = (await AppAsync()).Key,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["sign_method"] = "sha256",
        };
        foreach (var (name, value) in parameters) values[name] = value;
        return values;
    }

    public async Task<JsonElement> SignedPostAsync(string path, string? apiPath, Dictionary<string, string> parameters)
    {
        parameters["sign"] = IopSigner.Sign((await AppAsync()).Secret, apiPath, parameters);
        return await PostAsync(path, parameters);
    }

    /// <summary>Posts a form; the gateway answers errors with HTTP 200 too, so the body decides.</summary>
    public async Task<JsonElement> PostAsync(string path, Dictionary<string, string> form)
    {
        var response = await Http.PostAsync(path, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public async Task<JsonElement> CreateTokenAsync(string code) =>
        await SignedPostAsync(CreatePath, IopTokenProtocol.CreateTokenPath, await ParametersAsync(("code", code)));

    public async Task<JsonElement> RefreshAsync(string refreshToken) =>
        await SignedPostAsync(RefreshPath, IopTokenProtocol.RefreshTokenPath, await ParametersAsync(("refresh_token", refreshToken)));
}
