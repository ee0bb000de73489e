using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Marketplaces.Tests.Infrastructure;

/// <summary>Small HTTP helpers for emulator tests.</summary>
public static class SandboxHttp
{
    public static HttpClient NoRedirects(Uri baseAddress) => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    /// <summary>RFC 6749 §2.3.1 client authentication.</summary>
    public static AuthenticationHeaderValue Basic(string clientId, string clientSecret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}")));

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>The JSON body, after checking the status. A failure shows an error body but never a success body (tokens).</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode,
            $"Expected {(int)expected}, got {(int)response.StatusCode}" + (response.IsSuccessStatusCode ? "" : $": {body}"));
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
