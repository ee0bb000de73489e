using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.PrestaShop;

/// <summary>
/// Checks a webservice key with a call to the webservice root, then names the account after the shop
/// (configuration PS_SHOP_NAME; a key without access to configurations gets the host instead).
/// </summary>
public sealed class PrestaShopKeyConnector(IHttpClientFactory http) : IKeyConnector
{
    public const string WebserviceKey = "webserviceKey";
    private const string Name = "PrestaShop";

    public string MarketplaceId => "prestashop";

    public IReadOnlyList<KeyField> Fields { get; } =
        [new(WebserviceKey, "Webservice key", "32 characters (Advanced Parameters → Webservice)")];

    public async Task<AccountIdentity> VerifyAsync(MarketplaceTarget target, IReadOnlyDictionary<string, string> keys, CancellationToken ct)
    {
        var client = http.Create();
        var api = target.Endpoints.ApiBaseUrl;
        using (var response = await GetAsync(client, $"{api}/?output_format=JSON", keys[WebserviceKey], ct))
        {
            await MarketplaceHttp.EnsureSuccessAsync(response, PrestaShopError.From, ct);
        }
        var store = target.AccountParameter ?? throw new InvalidOperationException("PrestaShop needs a store URL");
        return new AccountIdentity(store, await ShopNameAsync(client, api, keys[WebserviceKey], ct) ?? new Uri(store).Host);
    }

    private static async Task<string?> ShopNameAsync(HttpClient client, string api, string key, CancellationToken ct)
    {
        using var response = await GetAsync(client,
            $"{api}/configurations?filter%5Bname%5D=%5BPS_SHOP_NAME%5D&display=full&output_format=JSON", key, ct);
        if (!response.IsSuccessStatusCode) return null;
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            // An empty list has historically come back as [] instead of {"configurations":[]} (prestashop.md §2).
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("configurations", out var rows)
                || rows.ValueKind != JsonValueKind.Array) return null;
            return rows.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                .Select(r => r.GetProperty("value").GetString()!.Trim())
                .FirstOrDefault(v => v.Length > 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = PrestaShopAuthorization.Basic(key);
        return await MarketplaceHttp.SendAsync(client, request, Name, ct);
    }
}
