using Marketplaces.Database;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Connections;

/// <summary>
/// Saves connections and their secrets together. Connecting an account that is already connected (same
/// marketplace, environment and account id) replaces its secrets instead of adding a second card entry.
/// </summary>
public sealed class ConnectionStore(
    IDbContextFactory<AppDbContext> contexts, TokenVault vault, ConnectionAudit audit, TimeProvider clock, Notifier<Connection> changes)
{
    /// <param name="secrets">Vault kind → secret: accessToken/refreshToken, or the keys of a key-based marketplace.</param>
    /// <param name="previewKind">Which secret the card shows masked.</param>
    public async Task<Connection> SaveAsync(MarketplaceTarget target, AccountIdentity identity, IReadOnlyDictionary<string, string> secrets,
        string previewKind, TokenSet? tokens, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var marketplace = target.Marketplace;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = await db.Set<Connection>().SingleOrDefaultAsync(c =>
            c.Marketplace == marketplace.Id && c.Environment == target.Environment && c.AccountId == identity.AccountId, ct);
        var reconnect = connection is not null;
        connection ??= db.Set<Connection>().Add(new Connection
        {
            Id = Guid.NewGuid(), Marketplace = marketplace.Id, Environment = target.Environment, AccountId = identity.AccountId,
            DisplayName = identity.DisplayName, ConnectedBy = actor, ConnectedAt = now,
        }).Entity;
        connection.DisplayName = identity.DisplayName;
        connection.AccountParameter = target.AccountParameter;
        connection.State = ConnectionState.Connected;
        connection.StateReason = null;
        connection.TokenPreview = TokenMask.Mask(secrets[previewKind]);
        connection.Scopes = tokens?.Scopes.ToList() ?? [];
        connection.AccessTokenExpiresAt = tokens?.AccessTokenExpiresAt;
        connection.RefreshTokenExpiresAt = tokens?.RefreshTokenExpiresAt;
        connection.AuthorizationExpiresAt = marketplace.Lifetimes.AuthorizationDays is { } days ? now.AddDays(days) : null;
        connection.ConnectedAt = now;
        connection.ConnectedBy = actor;
        connection.LastRefreshedAt = null;
        connection.LastRefreshFailedAt = null;
        connection.LastRefreshError = null;
        connection.RefreshAttempts = 0;
        connection.UpdatedAt = now;

        await db.Set<ConnectionSecret>().Where(s => s.ConnectionId == connection.Id).ExecuteDeleteAsync(ct);
        foreach (var (kind, value) in secrets)
        {
            db.Set<ConnectionSecret>().Add(new ConnectionSecret
            {
                ConnectionId = connection.Id, Kind = kind, Ciphertext = vault.Protect(kind, value), UpdatedAt = now,
            });
        }
        audit.Add(db, marketplace.Id, target.Environment, connection.Id, identity.DisplayName, actor, ConnectionAction.Connect, true,
            reconnect ? $"Reconnected {identity.DisplayName}" : $"Connected {identity.DisplayName}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        changes.Changed();
        return connection;
    }

    public async Task<IReadOnlyDictionary<string, string>> ReadSecretsAsync(Guid connectionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Set<ConnectionSecret>().AsNoTracking().Where(s => s.ConnectionId == connectionId).ToListAsync(ct);
        return rows.ToDictionary(r => r.Kind, r => vault.Unprotect(r.Kind, r.Ciphertext));
    }

    public async Task<Connection?> FindAsync(Guid connectionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
    }

    public async Task<IReadOnlyList<Connection>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Connection>().AsNoTracking().OrderBy(c => c.ConnectedAt).ToListAsync(ct);
    }
}
