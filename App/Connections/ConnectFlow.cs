using Marketplaces.Catalog;

namespace Marketplaces.Connections;

/// <summary>
/// The one OAuth connect flow for every OAuth marketplace: builds the consent URL from the catalog, and on the
/// callback checks the state, the marketplace's own callback rules, exchanges the code, learns who authorized
/// and stores the connection. A failure at any step stores nothing but an audit entry.
/// </summary>
public sealed class ConnectFlow(
    MarketplaceTargets targets, PendingAuthorizations pending, IEnumerable<ITokenProtocol> protocols,
    IEnumerable<IIdentityResolver> identities, IEnumerable<ICallbackVerifier> verifiers, ConnectionStore store, ConnectionAudit audit)
{
    /// <returns>The marketplace consent URL to send the browser to.</returns>
    public async Task<string> StartAsync(string marketplaceId, MarketplaceEnvironment environment, string? accountParameter,
        string userId, string userName, string binding, CancellationToken ct)
    {
        var target = await targets.ResolveAsync(marketplaceId, environment, accountParameter, ct);
        var started = await pending.StartAsync(marketplaceId, environment, target.AccountParameter, userId, userName, binding, target.OAuth.Pkce, ct);
        return AuthorizeUrl.Build(target, started.State, started.CodeVerifier);
    }

    public async Task<ConnectOutcome> CompleteAsync(string marketplaceId, IReadOnlyDictionary<string, string> callback,
        string userId, string userName, string? binding, CancellationToken ct)
    {
        var (taken, stateError) = await pending.TakeAsync(marketplaceId, callback.GetValueOrDefault("state"), userId, binding, ct);
        if (taken is null) return await FailAsync(marketplaceId, null, null, userName, stateError!, ct);
        var flow = taken.Pending;
        MarketplaceTarget? target = null;
        try
        {
            target = await targets.ResolveAsync(marketplaceId, flow.Environment, flow.AccountParameter, ct);
            var name = target.Marketplace.Name;
            if (callback.GetValueOrDefault("error") is { Length: > 0 } error)
            {
                var message = error == "access_denied"
                    ? $"Access was denied at {name}; nothing was connected."
                    : $"{name} did not authorize: {error}" + (callback.GetValueOrDefault("error_description") is { Length: > 0 } d ? $" ({d})" : "");
                return await FailAsync(marketplaceId, flow.Environment, flow.AccountParameter, userName, message, ct);
            }
            if (verifiers.SingleOrDefault(v => v.MarketplaceId == marketplaceId)?.Verify(target, callback) is { } rejected)
                return await FailAsync(marketplaceId, flow.Environment, flow.AccountParameter, userName, rejected, ct);
            if (callback.GetValueOrDefault(target.OAuth.CodeParameter) is not { Length: > 0 } code)
                return await FailAsync(marketplaceId, flow.Environment, flow.AccountParameter, userName, $"{name} sent no authorization code.", ct);

            var protocol = protocols.First(p => p.Handles(target.OAuth.TokenRequestStyle));
            var tokens = await protocol.ExchangeAsync(target, code, taken.CodeVerifier, ct);
            if (tokens.Scopes.Count == 0) tokens = tokens with { Scopes = target.OAuth.Scopes };
            var resolver = identities.SingleOrDefault(i => i.MarketplaceId == marketplaceId)
                ?? throw new InvalidOperationException($"{marketplaceId} has no identity resolver");
            var identity = await resolver.ResolveIdentityAsync(target, tokens, callback, ct);
            var secrets = new Dictionary<string, string> { [TokenVault.AccessToken] = tokens.AccessToken };
            if (tokens.RefreshToken is not null) secrets[TokenVault.RefreshToken] = tokens.RefreshToken;
            var connection = await store.SaveAsync(target, identity, secrets, TokenVault.AccessToken, tokens, userName, ct);
            return ConnectOutcome.Success(connection.Id, $"Connected {identity.DisplayName}");
        }
        catch (MarketplaceException e)
        {
            var name = target?.Marketplace.Name ?? marketplaceId;
            return await FailAsync(marketplaceId, flow.Environment, flow.AccountParameter, userName, $"{name} refused the connection: {e.Message}", ct);
        }
        catch (Exception e) when (e is MissingCredentialsException or InvalidAccountParameterException)
        {
            return await FailAsync(marketplaceId, flow.Environment, flow.AccountParameter, userName, e.Message, ct);
        }
    }

    private async Task<ConnectOutcome> FailAsync(string marketplaceId, MarketplaceEnvironment? environment, string? account, string actor,
        string message, CancellationToken ct)
    {
        var entry = await audit.RecordAsync(marketplaceId, environment, null, account, actor, ConnectionAction.Connect, false, message, ct);
        return ConnectOutcome.Failure(entry.Id, message);
    }
}
