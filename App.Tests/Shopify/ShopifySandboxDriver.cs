using System.Net.Http.Json;
using System.Text.Json;
using Marketplaces.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplaces.Tests.Shopify;

/// <summary>Plays the merchant's browser and the app's server against the Shopify emulator, over real HTTP.</summary>
public sealed class ShopifySandboxDriver(ServerAppFactory app) : SandboxDriver(app, "shopify")
{
    public const string Shop = "corner-store.myshopify.com";
    public const string Scope = "read_products,write_orders";

    public static string Admin(string shop) => $"/sandbox/shopify/{shop}/admin";

    public async Task<(string Id, string Secret)> AppAsync()
    {
        var values = await RegistrationAsync();
        return (values["clientId"], values["clientSecret"]);
    }

    public async Task<string> AuthorizeUrlAsync(
        string shop = Shop, string? redirectUri = null, string? clientId = null, string scope = Scope, string? grantOptions = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId ?? (await AppAsync()).Id, ["scope"] = scope, ["redirect_uri"] = redirectUri ?? Callback, ["state"] = "nonce-1",
        };
        if (grantOptions is not null) query["grant_options[]"] = grantOptions;
        return QueryHelpers.AddQueryString($"{Admin(shop)}/oauth/authorize", query);
    }

    /// <returns>The callback's query parameters.</returns>
    public async Task<Dictionary<string, string>> ApproveAsync(string shop = Shop, string account = "corner-store") =>
        SandboxConsentPage.RedirectParameters(await SandboxConsentPage.DecideAsync(Http, await AuthorizeUrlAsync(shop), "approve", account));

    public async Task<HttpResponseMessage> PostTokenAsync(object body, string shop = Shop) =>
        await Http.PostAsJsonAsync($"{Admin(shop)}/oauth/access_token", body);

    /// <summary>The code exchange as the official libraries send it: JSON, credentials in the body, expiring=1.</summary>
    public async Task<JsonElement> ExchangeAsync(string code, string shop = Shop)
    {
        var (id, secret) = await AppAsync();
        var response = await PostTokenAsync(new { client_id = id, client_secret = secret, code, expiring = "1" }, shop);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken, string shop = Shop)
    {
        var (id, secret) = await AppAsync();
        return await PostTokenAsync(new { client_id = id, client_secret = secret, grant_type = "refresh_token", refresh_token = refreshToken }, shop);
    }

    public async Task<HttpResponseMessage> GraphQlAsync(string? accessToken, string query, string shop = Shop, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Admin(shop)}/api/2026-10/graphql.json")
        {
            Content = variables is null ? JsonContent.Create(new { query }) : JsonContent.Create(new { query, variables }),
        };
        if (accessToken is not null) request.Headers.Add("X-Shopify-Access-Token", accessToken);
        return await Http.SendAsync(request);
    }

    /// <summary>A request body exactly as given: what a client library sends, operationName and all.</summary>
    public async Task<HttpResponseMessage> GraphQlBodyAsync(string accessToken, string body, string shop = Shop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Admin(shop)}/api/2026-10/graphql.json")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Shopify-Access-Token", accessToken);
        return await Http.SendAsync(request);
    }

    /// <summary>An access token for <paramref name="shop"/>, its orders those of the consent page's shop.</summary>
    public async Task<string> TokenAsync(string shop = Shop) =>
        (await ExchangeAsync((await ApproveAsync(shop, shop[..shop.IndexOf('.')]))["code"], shop)).GetProperty("access_token").GetString()!;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(status == response.StatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
