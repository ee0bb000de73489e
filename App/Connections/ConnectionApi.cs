namespace Marketplaces.Connections;

/// <summary>
/// Calls one connection's marketplace API: the resolved target and <see cref="SendAsync"/>, which supplies the
/// access token (renewed first when it is about to expire) and, on an answer saying the token is no longer good (the
/// catalog's <see cref="Catalog.RejectedTokenSignals"/>: a 401, Amazon's 403 Unauthorized naming the access token),
/// renews it once and sends again. Key-based marketplaces (WooCommerce, PrestaShop) use <see cref="SendWithKeysAsync"/>
/// with the stored keys instead.
/// Feeds read through it (<see cref="Polling.FeedContext"/>) and shipment pushes write through it.
/// </summary>
public class ConnectionApi(
    Connection connection, MarketplaceTarget target, HttpClient http, ConnectionStore store, TokenRefresher refresher, TimeProvider clock, string actor)
{
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(2);
    private string? _accessToken;
    private IReadOnlyDictionary<string, string>? _keys;

    public Connection Connection => connection;
    public MarketplaceTarget Target => target;
    public TimeProvider Clock => clock;

    public async Task<HttpResponseMessage> SendAsync(Func<string, HttpRequestMessage> request, CancellationToken ct)
    {
        var response = await MarketplaceHttp.SendAsync(http, request(await AccessTokenAsync(renew: false, ct)), target.Marketplace.Name, ct);
        if (!await RejectsTokenAsync(response, ct)) return response;
        response.Dispose();
        return await MarketplaceHttp.SendAsync(http, request(await AccessTokenAsync(renew: true, ct)), target.Marketplace.Name, ct);
    }

    /// <summary>Sends a request the caller authenticated itself (eBay's application token), through the connection's client and limiter.</summary>
    public Task<HttpResponseMessage> SendAsIsAsync(HttpRequestMessage request, CancellationToken ct) => MarketplaceHttp.SendAsync(http, request, target.Marketplace.Name, ct);

    /// <summary>Sends with the connection's stored keys (by the key connector's field kinds); a key cannot be renewed.</summary>
    public async Task<HttpResponseMessage> SendWithKeysAsync(Func<IReadOnlyDictionary<string, string>, HttpRequestMessage> request, CancellationToken ct)
    {
        _keys ??= await store.ReadSecretsAsync(connection.Id, ct);
        return await MarketplaceHttp.SendAsync(http, request(_keys), target.Marketplace.Name, ct);
    }

    private async Task<bool> RejectsTokenAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var signals = target.Marketplace.RejectedToken;
        var status = (int)response.StatusCode;
        return signals.Matches(status, status == signals.Status && signals.ReadsBody ? await response.Content.ReadAsStringAsync(ct) : null);
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

/// <summary>Opens a <see cref="ConnectionApi"/> for a stored connection.</summary>
public sealed class ConnectionApis(
    MarketplaceTargets targets, ConnectionStore store, TokenRefresher refresher, IHttpClientFactory http, TimeProvider clock)
{
    public async Task<ConnectionApi> OpenAsync(Connection connection, string actor, CancellationToken ct)
    {
        var target = await targets.ResolveAsync(connection.Marketplace, connection.Environment, connection.AccountParameter, ct);
        return new ConnectionApi(connection, target, http.Create(), store, refresher, clock, actor);
    }
}
