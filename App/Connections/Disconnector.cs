using Marketplaces.Database;
using Marketplaces.Hosting;
using Marketplaces.Orders;
using Marketplaces.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Connections;

/// <param name="RevokeFailed">The local secrets are gone either way; this says the marketplace may still hold the grant.</param>
public sealed record DisconnectOutcome(bool RevokeFailed, string Message);

/// <param name="Deleted">False when there was nothing to delete (the account is connected again, or gone).</param>
public sealed record KeptOrdersDeletion(bool Deleted, string Message);

/// <summary>
/// Disconnects: revokes at the marketplace where the catalog names a revoke endpoint, then deletes the local secrets
/// whatever the revoke did, and says when the revoke failed. The connection stays, <see cref="ConnectionState.Disconnected"/>,
/// while it has orders the seller keeps; otherwise it goes, and its orders with it.
/// </summary>
public sealed class Disconnector(
    IDbContextFactory<AppDbContext> contexts, MarketplaceTargets targets, ConnectionStore store, OAuth2TokenProtocol oauth,
    ConnectionAudit audit, WebhookSubscriptions webhooks, TimeProvider clock, Notifier<Connection> changes)
{
    /// <param name="deleteOrders">Delete the connection's orders from the app too (they stay at the marketplace).</param>
    public async Task<DisconnectOutcome> DisconnectAsync(Guid connectionId, string actor, bool deleteOrders = false, CancellationToken ct = default)
    {
        var connection = await store.FindAsync(connectionId, ct);
        if (connection is null) return new(false, "The connection no longer exists.");
        // Subscriptions go first, while the connection's credentials can still delete them.
        var webhooksFailure = await webhooks.RemoveAsync(connection, ct);
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
        if (webhooksFailure is not null)
        {
            audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor, ConnectionAction.Webhooks,
                false, $"The webhooks could not be deleted at the marketplace: {webhooksFailure}");
        }
        if (revokeFailure is not null || revoked)
        {
            audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor, ConnectionAction.Revoke,
                revokeFailure is null, revokeFailure is null ? "Authorization revoked at the marketplace" : $"Revoke failed: {revokeFailure}");
        }
        var kept = deleteOrders ? 0 : await db.Set<Order>().CountAsync(o => o.ConnectionId == connectionId, ct);
        audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor, ConnectionAction.Disconnect,
            true, $"Disconnected {connection.DisplayName}; local secrets deleted; {OrdersFate(kept, deleteOrders)}");
        await db.SaveChangesAsync(ct);
        if (kept > 0)
        {
            await db.Set<ConnectionSecret>().Where(s => s.ConnectionId == connectionId).ExecuteDeleteAsync(ct);
            await db.Set<Connection>().Where(c => c.Id == connectionId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.State, ConnectionState.Disconnected)
                .SetProperty(c => c.StateReason, $"Disconnected by {actor}")
                .SetProperty(c => c.TokenPreview, (string?)null)
                .SetProperty(c => c.AccessTokenExpiresAt, (DateTimeOffset?)null)
                .SetProperty(c => c.RefreshTokenExpiresAt, (DateTimeOffset?)null)
                .SetProperty(c => c.AuthorizationExpiresAt, (DateTimeOffset?)null)
                .SetProperty(c => c.UpdatedAt, clock.GetUtcNow()), ct);
        }
        else
        {
            await db.Set<Connection>().Where(c => c.Id == connectionId).ExecuteDeleteAsync(ct);
        }
        await tx.CommitAsync(ct);
        changes.Changed();
        var fate = OrdersFate(kept, deleteOrders);
        return revokeFailure is null
            ? new(false, $"Disconnected {connection.DisplayName}; {fate}.")
            : new(true, $"Disconnected {connection.DisplayName} and deleted its secrets here ({fate}), but the revoke at the marketplace failed: {revokeFailure}");
    }

    /// <summary>Deletes a disconnected account for good, with the orders that were kept.</summary>
    public async Task<KeptOrdersDeletion> DeleteKeptOrdersAsync(Guid connectionId, string actor, CancellationToken ct = default)
    {
        var connection = await store.FindAsync(connectionId, ct);
        if (connection is not { State: ConnectionState.Disconnected }) return new(false, "This account is not disconnected any more: nothing was deleted.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var orders = await db.Set<Order>().CountAsync(o => o.ConnectionId == connectionId, ct);
        audit.Add(db, connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, actor, ConnectionAction.Disconnect,
            true, $"Deleted {connection.DisplayName}'s {Orders(orders)} kept since it was disconnected");
        await db.SaveChangesAsync(ct);
        await db.Set<Connection>().Where(c => c.Id == connectionId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        changes.Changed();
        return new(true, $"Deleted {connection.DisplayName}'s {Orders(orders)} from this app.");
    }

    private static string OrdersFate(int kept, bool deleted) =>
        deleted ? "its orders were deleted from this app" : kept == 0 ? "it had no orders here" : $"its {Orders(kept)} are kept";

    private static string Orders(int count) => count == 1 ? "1 order" : $"{count} orders";
}
