using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Dashboard;

/// <param name="Connections">Those the app works with (connected, or needing the seller's attention).</param>
/// <param name="Disconnected">Accounts the seller disconnected and whose orders are kept.</param>
/// <param name="MissingCredentials">The production credentials still to set, when no environment can be connected yet.</param>
public sealed record MarketplaceOverview(
    MarketplaceDefinition Marketplace, IReadOnlyList<Connection> Connections, IReadOnlyList<KeptAccount> Disconnected,
    IReadOnlyList<CredentialField> MissingCredentials);

public sealed record KeptAccount(Connection Connection, int Orders);

/// <summary>What the dashboard shows per marketplace, read in one pass (a query for connections, one for kept orders, one for credentials).</summary>
public sealed class MarketplaceOverviews(
    IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog, MarketplaceTargets targets, AppCredentialStore credentials)
{
    public async Task<IReadOnlyList<MarketplaceOverview>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = await db.Set<Connection>().AsNoTracking().OrderBy(c => c.ConnectedAt).ToListAsync(ct);
        var byMarketplace = connections.Where(c => c.State != ConnectionState.Disconnected).ToLookup(c => c.Marketplace);
        var kept = await db.Set<Order>().Join(db.Set<Connection>().Where(c => c.State == ConnectionState.Disconnected), o => o.ConnectionId, c => c.Id, (o, c) => o.ConnectionId)
            .GroupBy(id => id).Select(g => new { Id = g.Key, Orders = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Orders, ct);
        var disconnected = connections.Where(c => c.State == ConnectionState.Disconnected)
            .Select(c => new KeptAccount(c, kept.GetValueOrDefault(c.Id))).ToLookup(k => k.Connection.Marketplace);
        var environments = catalog.All.ToDictionary(m => m.Id, m => targets.Environments(m).ToList());
        var missing = await credentials.MissingAsync(environments.SelectMany(e => e.Value.Select(env => (e.Key, env))), ct);
        return catalog.All.Select(m => new MarketplaceOverview(m, byMarketplace[m.Id].ToList(), disconnected[m.Id].ToList(),
            environments[m.Id].Any(e => missing[(m.Id, e)].Count == 0)
                ? []
                : missing.GetValueOrDefault((m.Id, MarketplaceEnvironment.Production)) ?? [])).ToList();
    }
}
