using System.Globalization;
using Marketplaces.Connections;

namespace Marketplaces.Shopify;

/// <summary>
/// The callback checks Shopify's own libraries make (fact sheet §2.1 step 3): the hmac is the app's, the shop is
/// the one the seller started connecting and a valid shop domain, and the timestamp is within ±90 seconds. Within an hour
/// of a client-secret rotation the previous secret verifies too (step 7).
/// </summary>
public sealed class ShopifyCallbackVerifier(TimeProvider clock) : ICallbackVerifier
{
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromSeconds(90);

    public string MarketplaceId => "shopify";

    public string? Verify(MarketplaceTarget target, IReadOnlyDictionary<string, string> callback)
    {
        if (callback.GetValueOrDefault(ShopifyHmac.Parameter) is not { } hmac
            || !target.Credentials.Both("clientSecret").Any(secret => ShopifyHmac.Verify(secret, callback, hmac)))
            return "The answer from Shopify is not signed with this app's client secret.";
        var shop = callback.GetValueOrDefault("shop");
        if (!ShopDomain.IsValid(shop) || shop != target.AccountParameter)
            return "Shopify answered for another shop than the one being connected.";
        if (!long.TryParse(callback.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > TimestampTolerance)
            return "The answer from Shopify is too old (or the server's clock is off); please connect again.";
        return null;
    }
}
