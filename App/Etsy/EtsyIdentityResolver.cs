using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Etsy;

/// <summary>
/// The connected account is the seller's shop: every Etsy call the dashboard makes is shop-scoped
/// (<c>/shops/{shop_id}/…</c>), so <c>AccountId</c> is the shop id and the name shown is the shop name.
/// </summary>
public sealed class EtsyIdentityResolver(IHttpClientFactory http) : IIdentityResolver
{
    public string MarketplaceId => "etsy";

    public async Task<AccountIdentity> ResolveIdentityAsync(
        MarketplaceTarget target, TokenSet tokens, IReadOnlyDictionary<string, string> callback, CancellationToken ct)
    {
        var client = http.Create();
        long shopId;
        using (var me = await EtsyApi.GetAsync(client, target, tokens.AccessToken, "/v3/application/users/me", ct))
        {
            shopId = me.RootElement.TryGetProperty("shop_id", out var id) && id.ValueKind == JsonValueKind.Number
                ? id.GetInt64()
                : throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                    "This Etsy account has no shop. Open a shop on Etsy, then connect again.");
        }
        var shopIdText = shopId.ToString(CultureInfo.InvariantCulture);
        using var shop = await EtsyApi.GetAsync(client, target, tokens.AccessToken, $"/v3/application/shops/{shopIdText}", ct);
        var name = shop.RootElement.TryGetProperty("shop_name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new AccountIdentity(shopIdText, string.IsNullOrEmpty(name) ? $"Etsy shop {shopIdText}" : name);
    }
}
