using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>
/// Drives a connect flow over real HTTP as a browser would, without one: a signed-in owner's cookies, the redirect to
/// the emulator's consent page, its form, and the redirect back to the callback. Each step can be stopped and
/// tampered with to test what the engine refuses.
/// </summary>
public sealed class SandboxBrowserlessClient : IDisposable
{
    private readonly HttpClient _client;

    private SandboxBrowserlessClient(Uri server)
    {
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = server,
        };
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
    }

    public static async Task<SandboxBrowserlessClient> SignedInOwnerAsync(AppFactory app)
    {
        await app.EnsureOwnerAsync();
        var client = new SandboxBrowserlessClient(app.ServerAddress);
        var signedIn = await HtmlForms.SubmitAsync(client._client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = TestUsers.OwnerEmail, ["Input.Password"] = TestUsers.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>Any request with the signed-in owner's cookies.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _client.SendAsync(request);

    /// <summary>Starts a connect: the URL of the marketplace consent page (or the dashboard URL when refused at once).</summary>
    public async Task<Uri> StartAsync(string marketplace, string? account = null)
    {
        var query = $"environment=BuiltInSandbox{(account is null ? "" : $"&account={Uri.EscapeDataString(account)}")}";
        var response = await _client.GetAsync($"/connections/{marketplace}/connect?{query}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Absolute(response.Headers.Location!);
    }

    /// <summary>Opens the consent page and presses Approve or Deny; returns where the marketplace sends the browser back to.</summary>
    public async Task<Uri> DecideAsync(Uri consentPage, bool approve, string? sandboxAccount = null)
    {
        var response = await SandboxConsentPage.DecideAsync(_client, consentPage.ToString(), approve ? "approve" : "deny", sandboxAccount);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"consent answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Absolute(response.Headers.Location!);
    }

    /// <summary>Follows the marketplace's redirect to our callback; returns the dashboard URL it leads to.</summary>
    public async Task<Uri> CallbackAsync(Uri callback)
    {
        var response = await _client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Absolute(response.Headers.Location!);
    }

    /// <summary>The whole flow, approving; returns the dashboard URL's query (connected=… or event=…).</summary>
    public async Task<IDictionary<string, string>> ConnectAsync(string marketplace, string? account = null, string? sandboxAccount = null)
    {
        var consent = await StartAsync(marketplace, account);
        var callback = await DecideAsync(consent, approve: true, sandboxAccount);
        return Query(await CallbackAsync(callback));
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    public static IDictionary<string, string> Query(Uri uri) =>
        QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString());

    private Uri Absolute(Uri location) => location.IsAbsoluteUri ? location : new Uri(_client.BaseAddress!, location);

    public void Dispose() => _client.Dispose();
}
