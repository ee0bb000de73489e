using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Ebay;

/// <summary>
/// Who authorized: eBay's token response does not say, so one call to the Commerce Identity API (catalog URL
/// "identity", on the apiz host) gives the immutable user id to key on and the username to show.
/// </summary>
public sealed class EbayIdentityResolver(IHttpClientFactory http) : IIdentityResolver
{
    public string MarketplaceId => "ebay";

    public async Task<AccountIdentity> ResolveIdentityAsync(
        MarketplaceTarget target, TokenSet tokens, IReadOnlyDictionary<string, string> callback, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, target.Endpoints.Url("identity"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await MarketplaceHttp.SendAsync(http.Create(), request, target.Marketplace.Name, ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, target.Marketplace.Name, ct);
        var userId = Text(json.RootElement, "userId")
            ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, "eBay's identity API named no user id.");
        return new AccountIdentity(userId, Text(json.RootElement, "username") ?? userId);
    }

    private static string? Text(JsonElement root, string property) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
