using System.Net;
using Marketplaces.Connections;

namespace Marketplaces.Polling;

/// <summary>
/// What a feed needs to call its marketplace for one connection: the resolved target, the page size, and
/// <see cref="SendAsync"/>, which supplies the access token (renewed first when it is about to expire) and, on a 401,
/// renews it once and sends again.
/// </summary>
public sealed class FeedContext(
    Connection connection, MarketplaceTarget target, int pageSize, HttpClient http, ConnectionStore store, TokenRefresher refresher,
    TimeProvider clock, string actor)
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(2);
    private string? _accessToken;

    public Connection Connection => connection;
    public MarketplaceTarget Target => target;
    public int PageSize => pageSize;

    public async Task<HttpResponseMessage> SendAsync(Func<string, HttpRequestMessage> request, CancellationToken ct)
    {
        var response = await MarketplaceHttp.SendAsync(http, request(await AccessTokenAsync(renew: false, ct)), target.Marketplace.Name, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        return await MarketplaceHttp.SendAsync(http, request(await AccessTokenAsync(renew: true, ct)), target.Marketplace.Name, ct);
    }

    private async Task<string> AccessTokenAsync(bool renew, CancellationToken ct)
    {
        if (_accessToken is not null && !renew) return _accessToken;
        if (renew || connection.AccessTokenExpiresAt < clock.GetUtcNow() + ExpiryMargin)
        {
            var outcome = await refresher.RefreshAsync(connection.Id, actor, ct);
            if (outcome.Result is RefreshResult.ReconnectNeeded)
                throw new MarketplaceException(MarketplaceErrorKind.ReauthorizationRequired, outcome.Message);
            if (outcome.Result is not (RefreshResult.Refreshed or RefreshResult.AlreadyRefreshed) && renew)
                throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"{target.Marketplace.Name} refused the access token and renewing it failed: {outcome.Message}");
        }
        var secrets = await store.ReadSecretsAsync(connection.Id, ct);
        return _accessToken = secrets.TryGetValue(TokenVault.AccessToken, out var token) ? token
            : throw new MarketplaceException(MarketplaceErrorKind.ReauthorizationRequired, "This connection has no access token.");
    }
}
