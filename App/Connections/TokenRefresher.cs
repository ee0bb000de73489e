using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Connections;

public enum RefreshResult { Refreshed, AlreadyRefreshed, NotRefreshable, ReconnectNeeded, Failed, NotFound }

public sealed record RefreshOutcome(RefreshResult Result, string Message);

/// <summary>
/// Renews a connection's access token from the catalog's rules. Two refreshes of one connection never run at once,
/// across app instances too: each holds the connection's lock (<see cref="IExclusiveLocks"/>), and one that waited
/// sees the other's result and uses it, because a rotating refresh token dies when it is used. The new refresh token
/// is stored in the same save (one transaction) as the new access token.
/// </summary>
public sealed class TokenRefresher(
    IDbContextFactory<AppDbContext> contexts, IExclusiveLocks locks, MarketplaceTargets targets, IEnumerable<ITokenProtocol> protocols,
    TokenVault vault, ConnectionAudit audit, TimeProvider clock, Notifier<Connection> changes)
{
    public async Task<RefreshOutcome> RefreshAsync(Guid connectionId, string actor, CancellationToken ct = default)
    {
        var requestedAt = clock.GetUtcNow();
        await using var held = await locks.AcquireAsync("refresh", connectionId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null) return new(RefreshResult.NotFound, "The connection no longer exists.");
        if (connection.LastRefreshedAt >= requestedAt) return new(RefreshResult.AlreadyRefreshed, "Refreshed a moment ago by another request.");
        var secrets = await db.Set<ConnectionSecret>().Where(s => s.ConnectionId == connectionId).ToListAsync(ct);
        var refreshSecret = secrets.SingleOrDefault(s => s.Kind == TokenVault.RefreshToken);
        if (refreshSecret is null) return new(RefreshResult.NotRefreshable, "This connection has no refresh token.");

        var target = await targets.ResolveAsync(connection.Marketplace, connection.Environment, connection.AccountParameter, ct);
        var now = clock.GetUtcNow();
        try
        {
            var protocol = protocols.First(p => p.Handles(target.OAuth.TokenRequestStyle));
            var tokens = await protocol.RefreshAsync(target, vault.Unprotect(TokenVault.RefreshToken, refreshSecret.Ciphertext), connection.Scopes, ct);
            secrets.Single(s => s.Kind == TokenVault.AccessToken).Ciphertext = vault.Protect(TokenVault.AccessToken, tokens.AccessToken);
            if (tokens.RefreshToken is not null)
            {
                refreshSecret.Ciphertext = vault.Protect(TokenVault.RefreshToken, tokens.RefreshToken);
                refreshSecret.UpdatedAt = now;
                if (tokens.RefreshTokenExpiresAt is not null) connection.RefreshTokenExpiresAt = tokens.RefreshTokenExpiresAt;
            }
            if (tokens.Scopes.Count > 0) connection.Scopes = tokens.Scopes.ToList();
            connection.AccessTokenExpiresAt = tokens.AccessTokenExpiresAt;
            connection.TokenPreview = TokenMask.Mask(tokens.AccessToken);
            connection.State = ConnectionState.Connected;
            connection.StateReason = null;
            connection.LastRefreshedAt = now;
            connection.LastRefreshError = null;
            connection.RefreshAttempts = 0;
            connection.UpdatedAt = now;
            audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor,
                ConnectionAction.Refresh, true, $"Access token renewed, valid until {tokens.AccessTokenExpiresAt:u}");
            await db.SaveChangesAsync(ct);
            changes.Changed();
            return new(RefreshResult.Refreshed, "Access token renewed.");
        }
        catch (MarketplaceException e)
        {
            var reconnect = e.Kind == MarketplaceErrorKind.ReauthorizationRequired;
            if (reconnect)
            {
                connection.State = ConnectionState.ReconnectNeeded;
                connection.StateReason = $"{target.Marketplace.Name} no longer accepts this authorization: {e.Message}";
            }
            connection.LastRefreshFailedAt = now;
            connection.LastRefreshError = e.Message;
            connection.RefreshAttempts++;
            connection.UpdatedAt = now;
            audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor,
                ConnectionAction.Refresh, false, e.Message);
            await db.SaveChangesAsync(ct);
            changes.Changed();
            return reconnect
                ? new(RefreshResult.ReconnectNeeded, connection.StateReason!)
                : new(RefreshResult.Failed, $"Refresh failed and will be retried: {e.Message}");
        }
    }
}
