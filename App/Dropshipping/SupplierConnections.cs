using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Dropshipping;

/// <summary>The connections a seller buys through (those of a marketplace with a <see cref="ISupplierCatalog"/>), opened for calls.</summary>
public sealed class SupplierConnections(ConnectionStore store, ConnectionApis apis, IEnumerable<ISupplierCatalog> catalogs, IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Of these supplier product ids, those a catalog product was made from.</summary>
    public async Task<HashSet<string>> ImportedAsync(IReadOnlyCollection<string> supplierProductIds, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await db.Set<SupplierLink>().Where(l => supplierProductIds.Contains(l.SupplierProductId)).Select(l => l.SupplierProductId).ToListAsync(ct)).ToHashSet();
    }

    public bool IsSupplier(string marketplace) => catalogs.Any(c => c.MarketplaceId == marketplace);

    public async Task<IReadOnlyList<Connection>> ListAsync(CancellationToken ct = default) =>
        (await store.ListAsync(ct)).Where(c => IsSupplier(c.Marketplace)).ToList();

    public async Task<(Connection Connection, ConnectionApi Api, ISupplierCatalog Catalog)> OpenAsync(Guid connectionId, string actor, CancellationToken ct)
    {
        var connection = await store.FindAsync(connectionId, ct) is { } found && IsSupplier(found.Marketplace) ? found
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "This supplier connection no longer exists.");
        return (connection, await apis.OpenAsync(connection, actor, ct), catalogs.Single(c => c.MarketplaceId == connection.Marketplace));
    }
}
