using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.WooCommerce;

/// <summary>
/// Checks a consumer key and secret with an authenticated read (<c>GET /system_status</c>, which any key with read
/// permission of a shop manager may call) and names the account after the store's site title.
/// </summary>
public sealed class WooCommerceKeyConnector(IHttpClientFactory http, TimeProvider clock) : IKeyConnector
{
    public const string ConsumerKey = "consumerKey";
    public const string ConsumerSecret = "consumerSecret";
    private const string Name = "WooCommerce";

    private readonly WooCommerceRequestAuthenticator _authenticator = new(clock);

    public string MarketplaceId => "woocommerce";

    public IReadOnlyList<KeyField> Fields { get; } =
    [
        new(ConsumerKey, "Consumer key", "ck_… (WooCommerce → Settings → Advanced → REST API)"),
        new(ConsumerSecret, "Consumer secret", "cs_…"),
    ];

    public async Task<AccountIdentity> VerifyAsync(MarketplaceTarget target, IReadOnlyDictionary<string, string> keys, CancellationToken ct)
    {
        var client = http.Create();
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"{target.Endpoints.ApiBaseUrl}/system_status"))
        {
            _authenticator.Authenticate(request, keys[ConsumerKey], keys[ConsumerSecret]);
            using var response = await MarketplaceHttp.SendAsync(client, request, Name, ct);
            await MarketplaceHttp.EnsureSuccessAsync(response, WooCommerceError.From, ct);
        }
        var store = target.AccountParameter ?? throw new InvalidOperationException("WooCommerce needs a store URL");
        return new AccountIdentity(store, await SiteTitleAsync(client, target.Endpoints.Url("siteIndex"), ct) ?? new Uri(store).Host);
    }

    /// <summary>The WordPress site title from the public REST index; a store that hides it is named by its host.</summary>
    private static async Task<string?> SiteTitleAsync(HttpClient client, string siteIndex, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, siteIndex);
        using var response = await MarketplaceHttp.SendAsync(client, request, Name, ct);
        if (!response.IsSuccessStatusCode) return null;
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("name", out var name)
                && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString())
                ? name.GetString()!.Trim()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
