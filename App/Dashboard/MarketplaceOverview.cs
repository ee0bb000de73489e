using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Dashboard;

public sealed record MarketplaceOverview(MarketplaceDefinition Marketplace, IReadOnlyList<Connection> Connections);

/// <summary>What the dashboard shows per marketplace, read in one pass (one query for all connections).</summary>
public sealed class MarketplaceOverviews(IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog)
{
    public async Task<IReadOnlyList<MarketplaceOverview>> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = await db.Set<Connection>().AsNoTracking().OrderBy(c => c.ConnectedAt).ToListAsync(ct);
        var byMarketplace = connections.ToLookup(c => c.Marketplace);
        return catalog.All.Select(m => new MarketplaceOverview(m, byMarketplace[m.Id].ToList())).ToList();
    }
}
