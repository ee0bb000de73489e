using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.TikTok;

/// <summary>
/// The account is the TikTok user behind the token: <c>open_id</c> from the token response (TikTok's per-app user id),
/// the name shown from user info's <c>display_name</c>.
/// </summary>
public sealed class TikTokIdentityResolver(IHttpClientFactory http) : IIdentityResolver
{
    public string MarketplaceId => "tiktok";

    public async Task<AccountIdentity> ResolveIdentityAsync(
        MarketplaceTarget target, TokenSet tokens, IReadOnlyDictionary<string, string> callback, CancellationToken ct)
    {
        using var info = await TikTokApi.GetAsync(http.Create(), target, tokens.AccessToken,
            "/v2/user/info/?fields=open_id,union_id,avatar_url,display_name", ct);
        var user = info.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        var openId = user.ValueKind == JsonValueKind.Object && user.TryGetProperty("open_id", out var o) && o.ValueKind == JsonValueKind.String
            ? o.GetString() : null;
        var expected = tokens.Details.GetValueOrDefault("open_id");
        if (string.IsNullOrEmpty(openId) || (!string.IsNullOrEmpty(expected) && expected != openId))
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, "TikTok's user info does not belong to the token's open_id.");
        var name = user.TryGetProperty("display_name", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return new AccountIdentity(openId, string.IsNullOrEmpty(name) ? openId : name);
    }
}
