using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// What every emulator test driver plays the app's part with: a client that stops at redirects, the app's callback,
/// the emulator's journal and its sandbox app registration.
/// </summary>
public abstract class SandboxDriver(AppFactory app, string marketplace) : IDisposable
{
    public HttpClient Http { get; } = SandboxHttp.NoRedirects(app.ServerAddress);

    public string Callback => Services.GetRequiredService<PublicUrls>().Callback(marketplace);

    public SandboxJournal Journal => Services.GetRequiredService<SandboxJournal>();

    protected IServiceProvider Services => app.Services;

    protected Uri ServerAddress => app.ServerAddress;

    public Task<IReadOnlyDictionary<string, string>> RegistrationAsync() => Services.GetRequiredService<SandboxApps>().GetAsync(marketplace);

    /// <returns>The callback's query parameters (decoded once) after the consent page was answered with <paramref name="decision"/>.</returns>
    protected async Task<Dictionary<string, string>> AnswerAsync(HttpResponseMessage page, string decision, string account)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var answer = await SandboxConsentPage.SubmitAsync(Http, page, decision, account);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var location = answer.Headers.Location!.ToString();
        Assert.StartsWith(Callback + "?", location);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public void Dispose() => Http.Dispose();
}
