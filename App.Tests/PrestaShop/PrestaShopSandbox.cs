using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Marketplaces.PrestaShop;
using Marketplaces.Tests.Infrastructure;

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

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/sandbox/prestashop/api/{pathAndQuery}");
        if (key is not null) request.Headers.Authorization = PrestaShopAuthorization.Basic(key);
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
