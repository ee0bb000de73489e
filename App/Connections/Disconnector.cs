using Marketplaces.Database;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Connections;

/// <param name="RevokeFailed">The local secrets are gone either way; this says the marketplace may still hold the grant.</param>
public sealed record DisconnectOutcome(bool RevokeFailed, string Message);

/// <summary>
/// Disconnects: revokes at the marketplace where the catalog names a revoke endpoint, then deletes the local
/// secrets and the connection whatever the revoke did, and says when the revoke failed.
/// </summary>
public sealed class Disconnector(
    IDbContextFactory<AppDbContext> contexts, MarketplaceTargets targets, ConnectionStore store, OAuth2TokenProtocol oauth,
    ConnectionAudit audit, Notifier<Connection> changes)
{
    public async Task<DisconnectOutcome> DisconnectAsync(Guid connectionId, string actor, CancellationToken ct = default)
    {
        var connection = await store.FindAsync(connectionId, ct);
        if (connection is null) return new(false, "The connection no longer exists.");
        string? revokeFailure = null;
        var revoked = false;
        try
        {
            var target = await targets.ResolveAsync(connection.Marketplace, connection.Environment, connection.AccountParameter, ct);
            if (target.Endpoints.RevokeUrl is not null
                && (await store.ReadSecretsAsync(connectionId, ct)).GetValueOrDefault(TokenVault.AccessToken) is { } token)
            {
                await oauth.RevokeAsync(target, token, ct);
                revoked = true;
            }
        }
        catch (Exception e) when (e is MarketplaceException or MissingCredentialsException or InvalidAccountParameterException)
        {
            revokeFailure = e.Message;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (revokeFailure is not null || revoked)
        {
            audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor, ConnectionAction.Revoke,
                revokeFailure is null, revokeFailure is null ? "Authorization revoked at the marketplace" : $"Revoke failed: {revokeFailure}");
        }
        audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor, ConnectionAction.Disconnect,
            true, $"Disconnected {connection.DisplayName}; local secrets deleted");
        await db.SaveChangesAsync(ct);
        await db.Set<Connection>().Where(c => c.Id == connectionId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        changes.Changed();
        return revokeFailure is null
            ? new(false, $"Disconnected {connection.DisplayName}.")
            : new(true, $"Disconnected {connection.DisplayName} and deleted its secrets here, but the revoke at the marketplace failed: {revokeFailure}");
    }
}
