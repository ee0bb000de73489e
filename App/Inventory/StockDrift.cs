using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Inventory;

/// <summary>
/// Stock changed on a marketplace directly (in its admin, by another tool): each connection's listings are read back
/// with its publisher's listing reader, and a live listing showing another quantity than this app set there (or, where
/// it never set one, than the catalog's after the channel's rules) is flagged with what the marketplace shows. The
/// seller then takes the catalog's (pushed again) or the channel's (into the catalog, the ledger, and every other
/// channel). A listing with a push on its way is left alone, and so is one that is not on sale.
/// </summary>
public sealed class StockDrift(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IListingPublisher> publishers, ConnectionApis apis, IExclusiveLocks locks, StockPushes pushes,
    TimeProvider clock, Notifier<Listing> changes, Notifier<Product> products)
{
    private const string Actor = "stock check";
    private readonly Dictionary<string, IListingPublisher> _publishers = publishers.ToDictionary(p => p.MarketplaceId, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every connection with live listings checked in turn; what was found, for the jobs page.</summary>
    public async Task<string> CheckAllAsync(CancellationToken ct)
    {
        List<Guid> connections;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            connections = await db.Set<Listing>().Where(l => l.State == ListingState.Live && l.ExternalId != null).Select(l => l.ConnectionId).Distinct().ToListAsync(ct);
        var (differing, failed) = (0, 0);
        foreach (var connection in connections)
        {
            try
            {
                differing += await CheckAsync(connection, ct);
            }
            catch (MarketplaceException)
            {
                failed++;
            }
        }
        return $"{connections.Count} connections read, {differing} listings differ, {failed} could not be read";
    }

    /// <summary>One connection's live listings compared with what the marketplace shows; how many differ.</summary>
    public async Task<int> CheckAsync(Guid connectionId, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("stock", connectionId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == connectionId, ct);
        var listings = await db.Set<Listing>().Where(l => l.ConnectionId == connectionId && l.State == ListingState.Live && l.ExternalId != null)
            .ToDictionaryAsync(l => l.ExternalId!, ct);
        if (listings.Count == 0 || connection.State != ConnectionState.Connected || !_publishers.TryGetValue(connection.Marketplace, out var publisher)) return 0;
        var general = (await db.Set<ChannelSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == connectionId, ct))?.Values ?? [];
        var ids = listings.Values.Select(l => l.ProductId).ToList();
        var catalog = await db.Set<Product>().AsNoTracking().Include(p => p.Variants).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var api = await apis.OpenAsync(connection, Actor, ct);
        var now = clock.GetUtcNow();
        await foreach (var found in publisher.ReadAllAsync(api, general, ct))
        {
            if (!found.Live || !listings.TryGetValue(found.ExternalId, out var listing) || listing.StockDueAt is not null
                || !catalog.TryGetValue(listing.ProductId, out var product)) continue;
            var expected = StockPushes.Quantities(product, StockRules.From(ChannelSettings.Merged(general, listing.Settings)));
            var shown = Shown(found);
            listing.Drift = expected.Where(e => shown.TryGetValue(e.Key, out var there) && there != listing.ChannelQuantities.GetValueOrDefault(e.Key, e.Value))
                .ToDictionary(e => e.Key, e => shown[e.Key]);
            listing.DriftSeenAt = listing.Drift.Count > 0 ? listing.DriftSeenAt ?? now : null;
        }
        await db.SaveChangesAsync(ct);
        changes.Changed();
        return listings.Values.Count(l => l.Drift.Count > 0);
    }

    /// <summary>The catalog's quantities go to the listing again, over what was changed there.</summary>
    public async Task TakeCatalogsAsync(Guid listingId, CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var listing = await db.Set<Listing>().SingleAsync(l => l.Id == listingId, ct);
            // What the marketplace has now is what the push changes from (Shopify checks it).
            foreach (var (sku, quantity) in listing.Drift) listing.ChannelQuantities[sku] = quantity;
            (listing.Drift, listing.DriftSeenAt, listing.StockDueAt) = ([], null, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        changes.Changed();
        await pushes.ScheduleDueAsync(ct);
    }

    /// <summary>The channel's quantities become the catalog's (recorded in the ledger, by whom) and go to every other listing.</summary>
    public async Task TakeChannelsAsync(Guid listingId, string actor, CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var listing = await db.Set<Listing>().SingleAsync(l => l.Id == listingId, ct);
            var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == listing.ConnectionId, ct);
            var stock = await SkuStock.LockAsync(db, listing.Drift.Keys.Select(k => k.ToLowerInvariant()).ToList(), ct);
            var now = clock.GetUtcNow();
            foreach (var (sku, quantity) in listing.Drift)
            {
                if (!stock.TryGetValue(sku.ToLowerInvariant(), out var item) || item.Product.Id != listing.ProductId) continue;
                var change = quantity - item.Quantity;
                item.Quantity = quantity;
                listing.ChannelQuantities[sku] = quantity;
                if (change != 0)
                    db.Add(new StockMovement
                    {
                        ProductId = listing.ProductId, Sku = item.Sku, At = now, Reason = StockMovementReason.TakenFromChannel, Requested = change, Change = change,
                        QuantityAfter = quantity, Note = $"Taken from {connection.DisplayName}", Actor = actor,
                    });
            }
            (listing.Drift, listing.DriftSeenAt) = ([], null);
            await db.SaveChangesAsync(ct);
            await StockPushes.MarkDueAsync(db, [listing.ProductId], now, ct);
            await tx.CommitAsync(ct);
        }
        changes.Changed();
        products.Changed();
    }

    /// <summary>What the marketplace offers of each SKU of the listing.</summary>
    private static Dictionary<string, int> Shown(MarketplaceListing listing)
    {
        var shown = listing.Variants.Where(v => v.Sku is not null && v.Quantity is not null).ToDictionary(v => v.Sku!, v => v.Quantity!.Value, StringComparer.OrdinalIgnoreCase);
        if (listing.Sku is { } sku && listing.Quantity is { } quantity) shown.TryAdd(sku, quantity);
        return shown;
    }
}

/// <summary>Every hour: each connection's listings read back for stock changed on the marketplace directly.</summary>
[Hangfire.AutomaticRetry(Attempts = 0)]
public sealed class StockDriftJob(StockDrift drift)
{
    public const string Id = "check-stock-drift";

    public Task<string> RunAsync(CancellationToken ct) => drift.CheckAllAsync(ct);
}
