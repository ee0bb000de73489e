using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Dashboard;

/// <param name="MissingCredentials">The production credentials still to set, when no environment can be connected yet.</param>
public sealed record MarketplaceOverview(
    MarketplaceDefinition Marketplace, IReadOnlyList<Connection> Connections, IReadOnlyList<CredentialField> MissingCredentials);

/// <summary>What the dashboard shows per marketplace, read in one pass (one query for connections, one for credentials).</summary>
public sealed class MarketplaceOverviews(
    IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog, MarketplaceTargets targets, AppCredentialStore credentials)
{
    public async Task<IReadOnlyList<MarketplaceOverview>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = await db.Set<Connection>().AsNoTracking().OrderBy(c => c.ConnectedAt).ToListAsync(ct);
        var byMarketplace = connections.ToLookup(c => c.Marketplace);
        var environments = catalog.All.ToDictionary(m => m.Id, m => targets.Environments(m).ToList());
        var missing = await credentials.MissingAsync(environments.SelectMany(e => e.Value.Select(env => (e.Key, env))), ct);
        return catalog.All.Select(m => new MarketplaceOverview(m, byMarketplace[m.Id].ToList(),
            environments[m.Id].Any(e => missing[(m.Id, e)].Count == 0)
                ? []
                : missing.GetValueOrDefault((m.Id, MarketplaceEnvironment.Production)) ?? [])).ToList();
    }
}
