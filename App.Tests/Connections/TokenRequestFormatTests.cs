using System.Net;
using System.Text;
using Marketplaces.Catalog;
using Marketplaces.Connections;

namespace Marketplaces.Tests.Connections;

/// <summary>The exact token request each marketplace gets, as its fact sheet gives it, captured before it leaves.</summary>
public sealed class TokenRequestFormatTests
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();

    private sealed class Capture : HttpMessageHandler, IHttpClientFactory
    {
        public HttpRequestMessage? Request { get; private set; }
        public string Body { get; private set; } = "";

        public HttpClient CreateClient(string name) => new(this);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Request = request;
            Body = await request.Content!.ReadAsStringAsync(ct);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"access_token":"a","expires_in":3600}""", Encoding.UTF8, "application/json"),
            };
        }
    }

    private static async Task<Capture> ExchangeAsync(string id, Dictionary<string, string> credentials)
    {
        var capture = new Capture();
        var endpoints = new ResolvedEndpoints("https://x/authorize", "https://x/token", "https://x/token", null, "https://x", new Dictionary<string, string>());
        var marketplace = Catalog[id];
        var redirect = marketplace.OAuth!.RedirectUriCredential is { } r ? credentials[r] : "https://seller.example/cb";
        var target = new MarketplaceTarget(marketplace, MarketplaceEnvironment.Production, null, endpoints, new AppCredentials(credentials), redirect);
        await new OAuth2TokenProtocol(capture, TimeProvider.System).ExchangeAsync(target, "the-code", null, default);
        return capture;
    }

    [Fact]
    public async Task Shopify_gets_a_json_body_with_client_credentials_and_expiring_but_no_grant_type_or_redirect_uri()
    {
        var capture = await ExchangeAsync("shopify", new() { ["clientId"] = "id", ["clientSecret"] = "secret" });
        Assert.Equal("application/json", capture.Request!.Content!.Headers.ContentType!.MediaType);
        var body = System.Text.Json.JsonDocument.Parse(capture.Body).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?> { ["code"] = "the-code", ["expiring"] = "1", ["client_id"] = "id", ["client_secret"] = "secret" }, body);
    }

    [Fact]
    public async Task Ebay_gets_a_form_with_the_runame_and_credentials_only_in_the_basic_header()
    {
        var capture = await ExchangeAsync("ebay", new() { ["clientId"] = "app", ["clientSecret"] = "cert", ["ruName"] = "the-runame" });
        Assert.Equal("Basic", capture.Request!.Headers.Authorization!.Scheme);
        Assert.Equal("app:cert", Encoding.UTF8.GetString(Convert.FromBase64String(capture.Request.Headers.Authorization.Parameter!)));
        Assert.Equal("code=the-code&grant_type=authorization_code&redirect_uri=the-runame", capture.Body);
    }
}
