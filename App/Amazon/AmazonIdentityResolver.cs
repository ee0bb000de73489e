using Marketplaces.Connections;

namespace Marketplaces.Amazon;

/// <summary>
/// The seller is the <c>selling_partner_id</c> Seller Central put on the callback (amazon.md §1.1); the name shown
/// is the store name from the Sellers API and the region the seller connected, since authorization is per region.
/// </summary>
public sealed class AmazonIdentityResolver(IHttpClientFactory http, TimeProvider clock) : IIdentityResolver
{
    public string MarketplaceId => "amazon";

    public async Task<AccountIdentity> ResolveIdentityAsync(
        MarketplaceTarget target, TokenSet tokens, IReadOnlyDictionary<string, string> callback, CancellationToken ct)
    {
        if (callback.GetValueOrDefault("selling_partner_id") is not { Length: > 0 } sellerId)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Amazon did not say which seller authorized (no selling_partner_id on the callback).");
        var storeName = await StoreNameAsync(target, sellerId, tokens.AccessToken, ct) ?? sellerId;
        var region = target.AccountParameter is { } value
            ? target.Marketplace.AccountParameter?.Options?.GetValueOrDefault(value) ?? value
            : null;
        return new AccountIdentity(sellerId, region is null ? storeName : $"{storeName} ({region})");
    }

    private async Task<string?> StoreNameAsync(MarketplaceTarget target, string sellerId, string accessToken, CancellationToken ct)
    {
        using var request = AmazonRequests.Create(sellerId, AmazonParticipations.Operation, HttpMethod.Get,
            AmazonParticipations.Url(target.Endpoints.ApiBaseUrl), accessToken, clock.GetUtcNow());
        using var response = await MarketplaceHttp.SendAsync(http.Create(), request, target.Marketplace.Name, ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, target.Marketplace.Name, ct);
        return AmazonParticipations.StoreName(json.RootElement);
    }
}
