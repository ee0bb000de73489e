using Microsoft.Extensions.Caching.Memory;
using Marketplaces.Connections;

namespace Marketplaces.Ebay.Listings;

/// <summary>
/// eBay's application token (client credentials, the base scope; ebay.md §1.3), which the Taxonomy and Notification APIs want
/// instead of a user's. One per application and environment, kept in memory (IMemoryCache) until two minutes before it expires: it grants
/// nothing of a seller's, so it is not stored.
/// </summary>
public sealed class EbayApplicationTokens(OAuth2TokenProtocol oauth, IMemoryCache cache)
{
    private const string BaseScope = "https://api.ebay.com/oauth/api_scope";

    public Task<string> TokenAsync(ConnectionApi api, CancellationToken ct) => TokenAsync(api.Target, ct);

    public async Task<string> TokenAsync(MarketplaceTarget target, CancellationToken ct)
    {
        return (await cache.GetOrCreateAsync(("ebay-application-token", target.Endpoints.TokenUrl, target.Credentials[target.OAuth.ClientIdCredential]), async entry =>
        {
            var issued = await oauth.ApplicationTokenAsync(target, [BaseScope], ct);
            if (issued.AccessTokenExpiresAt is { } expires) entry.AbsoluteExpiration = expires - TimeSpan.FromMinutes(2);
            else entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return issued.AccessToken;
        }))!;
    }
}
