using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Marketplaces.PrestaShop;
using Marketplaces.PrestaShop.Sandbox;
using Marketplaces.Sandbox;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.PrestaShop;

/// <summary>Talks to the PrestaShop emulator over real HTTP.</summary>
public sealed class PrestaShopSandbox(ServerAppFactory app)
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };

    public string StoreUrl => $"{app.ServerAddress.GetLeftPart(UriPartial.Authority)}/sandbox/prestashop";

    /// <summary>The key the sandbox store's front page shows, as a seller would copy it.</summary>
    public async Task<string> WebserviceKeyAsync()
    {
        var page = new HtmlParser().ParseDocument(await Http.GetStringAsync("/sandbox/prestashop/"));
        return page.GetElementById("webservice-key")!.TextContent;
    }

    public PrestaShopEmulator Emulator => app.Services.GetServices<ISandboxEmulator>().OfType<PrestaShopEmulator>().Single();

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? key) => SendAsync(HttpMethod.Get, pathAndQuery, key);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? key, string? xml = null)
    {
        using var request = new HttpRequestMessage(method, $"/sandbox/prestashop/api/{pathAndQuery}");
        if (key is not null) request.Headers.Authorization = PrestaShopAuthorization.Basic(key);
        if (xml is not null) request.Content = new StringContent(xml, System.Text.Encoding.UTF8, "text/xml");
        return await Http.SendAsync(request);
    }

    public static async Task<IReadOnlyList<(int Code, string Message)>> JsonErrorsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetInt32(), e.GetProperty("message").GetString()!)).ToList();
    }

    public static async Task<IReadOnlyList<(int Code, string Message)>> XmlErrorsAsync(HttpResponseMessage response)
    {
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.Root!.Element("errors")!.Elements("error")
            .Select(e => (int.Parse(e.Element("code")!.Value), e.Element("message")!.Value)).ToList();
    }
}
