using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Marketplaces.Etsy.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Etsy;

/// <summary>Plays the app's part against the Etsy emulator over real HTTP: consent, code exchange, refresh, API calls.</summary>
public sealed class EtsySandboxDriver(ServerAppFactory app) : SandboxDriver(app, "etsy")
{
    public async Task<string> KeystringAsync() => (await RegistrationAsync())["clientId"];

    public async Task<string> ApiKeyAsync()
    {
        var registration = await RegistrationAsync();
        return $"{registration["clientId"]}:{registration["sharedSecret"]}";
    }

    public static string NewVerifier() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A valid authorize request; <paramref name="changes"/> replaces (or, with null, removes) parameters.</summary>
    public async Task<Dictionary<string, string?>> AuthorizeParametersAsync(string verifier, Dictionary<string, string?>? changes = null)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = await KeystringAsync(), ["redirect_uri"] = Callback,
            ["scope"] = "listings_r transactions_r shops_r", ["state"] = "state-123",
            ["code_challenge"] = Marketplaces.Connections.Pkce.Challenge(verifier), ["code_challenge_method"] = "S256",
        };
        foreach (var (key, value) in changes ?? []) parameters[key] = value;
        return parameters;
    }

    public Task<HttpResponseMessage> ConsentPageAsync(Dictionary<string, string?> parameters) =>
        Http.GetAsync(QueryHelpers.AddQueryString("/sandbox/etsy/oauth/connect", parameters.Where(p => p.Value is not null)));

    /// <returns>The callback's query parameters after the seller pressed <paramref name="decision"/>.</returns>
    public async Task<Dictionary<string, string>> DecideAsync(Dictionary<string, string?> parameters, string decision = "approve", string account = "etsy-seller")
    {
        using var page = await ConsentPageAsync(parameters);
        return await AnswerAsync(page, decision, account);
    }

    public async Task<string> CodeAsync(string verifier, string account = "etsy-seller") =>
        (await DecideAsync(await AuthorizeParametersAsync(verifier), account: account))["code"];

    public Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form) =>
        Http.PostAsync("/sandbox/etsy/v3/public/oauth/token", new FormUrlEncodedContent(form));

    public async Task<Dictionary<string, string>> ExchangeFormAsync(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code", ["client_id"] = await KeystringAsync(), ["redirect_uri"] = Callback,
        ["code"] = code, ["code_verifier"] = verifier,
    };

    public async Task<Dictionary<string, string>> RefreshFormAsync(string refreshToken) => new()
    {
        ["grant_type"] = "refresh_token", ["client_id"] = await KeystringAsync(), ["refresh_token"] = refreshToken,
    };

    /// <summary>Consent, approval and exchange: the token response's JSON.</summary>
    public async Task<JsonElement> ConnectAsync(string account = "etsy-seller")
    {
        var verifier = NewVerifier();
        var code = await CodeAsync(verifier, account);
        using var response = await TokenAsync(await ExchangeFormAsync(code, verifier));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    public async Task<HttpResponseMessage> ApiAsync(string path, string? apiKey, string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sandbox/etsy/openapi" + path);
        if (apiKey is not null) request.Headers.Add("x-api-key", apiKey);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await Http.SendAsync(request);
    }
}
