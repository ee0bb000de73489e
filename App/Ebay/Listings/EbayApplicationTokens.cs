using System.Collections.Concurrent;
using Marketplaces.Connections;

namespace Marketplaces.Ebay.Listings;

/// <summary>
/// eBay's application token (client credentials, the base scope; ebay.md §1.3), which the Taxonomy API wants instead
/// of a user's. One per application and environment, kept in memory until two minutes before it expires: it grants
/// nothing of a seller's, so it is not stored.
/// </summary>
public sealed class EbayApplicationTokens(OAuth2TokenProtocol oauth, TimeProvider clock)
{
    private const string BaseScope = "https://api.ebay.com/oauth/api_scope";
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    public async Task<string> TokenAsync(ConnectionApi api, CancellationToken ct)
    {
        var target = api.Target;
        var key = $"{target.Endpoints.TokenUrl} {target.Credentials[target.OAuth.ClientIdCredential]}";
        if (_tokens.TryGetValue(key, out var held) && held.Until > clock.GetUtcNow()) return held.Token;
        var issued = await oauth.ApplicationTokenAsync(target, [BaseScope], ct);
        var until = (issued.AccessTokenExpiresAt ?? clock.GetUtcNow().AddMinutes(10)) - TimeSpan.FromMinutes(2);
        _tokens[key] = (issued.AccessToken, until);
        return issued.AccessToken;
    }
}
