using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.WooCommerce;

namespace Marketplaces.Tests.WooCommerce;

/// <summary>Drives the WooCommerce emulator over real HTTP the way a store's visitors and API clients would.</summary>
public sealed class WooCommerceSandbox(ServerAppFactory app)
{
    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };

    public string StoreUrl => $"{app.ServerAddress.GetLeftPart(UriPartial.Authority)}/sandbox/woocommerce";

    public string SystemStatusUrl => $"{StoreUrl}/wp-json/wc/v3/system_status";

    public sealed record Keys(string ConsumerKey, string ConsumerSecret)
    {
        public override string ToString() => "Keys";
    }

    /// <summary>
    /// A browser signed in to the dashboard on the real port (TestUsers.SignedInClientAsync's client talks to
    /// localhost:80 when the app runs on Kestrel).
    /// </summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.ServerAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var response = await HtmlForms.SubmitAsync(client, "/account/sign-in", "sign-in",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = TestUsers.Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>A key pair from the sandbox store's front page, as a seller would copy it.</summary>
    public async Task<Keys> ManualKeysAsync()
    {
        var page = new HtmlParser().ParseDocument(await Http.GetStringAsync("/sandbox/woocommerce/"));
        return new Keys(page.GetElementById("consumer-key")!.TextContent, page.GetElementById("consumer-secret")!.TextContent);
    }

    /// <summary>A GET signed with OAuth 1.0a in the query, with the nonce and time chosen by the test.</summary>
    public static HttpRequestMessage SignedGet(string url, Keys keys, string? nonce = null, DateTimeOffset? at = null, string? secret = null)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("oauth_consumer_key", keys.ConsumerKey),
            new("oauth_nonce", nonce ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16))),
            new("oauth_signature_method", "HMAC-SHA256"),
            new("oauth_timestamp", (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        };
        var signature = OAuth1Signer.Sign(OAuth1Signer.BaseString("GET", url, parameters), secret ?? keys.ConsumerSecret, OAuth1SignatureMethod.HmacSha256);
        parameters.Add(new("oauth_signature", signature));
        return new HttpRequestMessage(HttpMethod.Get, url + "?" + string.Join("&", parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
    }

    /// <summary>Opens the consent page at <paramref name="authorizeUrl"/> and presses Approve or Deny.</summary>
    public async Task<HttpResponseMessage> DecideAsync(string authorizeUrl, string decision)
    {
        var page = new HtmlParser().ParseDocument(await Http.GetStringAsync(authorizeUrl));
        var form = (IHtmlFormElement)page.QuerySelector("form")!;
        var fields = form.QuerySelectorAll("input").OfType<IHtmlInputElement>().ToDictionary(i => i.Name!, i => i.Value);
        fields["decision"] = decision;
        return await Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    public Task<HttpResponseMessage> DecideAsync(Uri authorizeUrl, string decision) => DecideAsync(authorizeUrl.ToString(), decision);

    public static async Task<(string Code, string Message, int Status)> ErrorAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (root.GetProperty("code").GetString()!, root.GetProperty("message").GetString()!, root.GetProperty("data").GetProperty("status").GetInt32());
    }
}
