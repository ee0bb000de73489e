using System.Collections.Concurrent;
using Hangfire;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplaces.Inventory;

/// <summary>
/// Brings every listing's stock in step with the catalog. A change marks the product's listings due
/// (<see cref="MarkDueAsync"/>, in the writer's transaction); a push is then queued per connection after a short wait,
/// which coalesces a burst into one push with the latest quantities; the push sends only what the marketplace does not
/// show yet (after the channel's <see cref="StockRules"/>), through its publisher's quantity call and so through the rate
/// limiter. A listing the marketplace refused keeps its message and stays due: the minutely sweep queues it again.
/// </summary>
public sealed partial class StockPushes(
    IDbContextFactory<AppDbContext> contexts, IExclusiveLocks locks, IEnumerable<IListingPublisher> publishers, ConnectionApis apis,
    IBackgroundJobClient jobs, IOptions<InventoryOptions> options, TimeProvider clock, Notifier<Listing> changes, ILogger<StockPushes> logger)
{
    private const string Actor = "stock sync";
    private readonly Dictionary<string, IListingPublisher> _publishers = publishers.ToDictionary(p => p.MarketplaceId, StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// When this instance last queued a push per connection. A push queued and not run after <see cref="QueuedFor"/>
    /// (deleted on the jobs page, lost with its storage) no longer stops the sweep from queuing another.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _queued = new();

    private static readonly TimeSpan QueuedFor = TimeSpan.FromMinutes(2);

    /// <summary>Marks the listings of these products due for a stock push, on the caller's context and transaction.</summary>
    public static Task MarkDueAsync(AppDbContext db, IReadOnlyCollection<Guid> productIds, DateTimeOffset at, CancellationToken ct) =>
        db.Set<Listing>().Where(l => productIds.Contains(l.ProductId) && l.ExternalId != null && l.State != ListingState.Ended)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.StockDueAt, at), ct);

    /// <summary>Queues a push, after the coalescing wait, for each connection with listings due and none queued by this instance; how many.</summary>
    public async Task<int> ScheduleDueAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.Set<Listing>().Where(l => l.StockDueAt != null).Select(l => l.ConnectionId).Distinct().ToListAsync(ct);
        var (queued, now) = (0, clock.GetUtcNow());
        foreach (var connectionId in due)
        {
            var claimed = _queued.TryGetValue(connectionId, out var at) ? now - at >= QueuedFor && _queued.TryUpdate(connectionId, now, at) : _queued.TryAdd(connectionId, now);
            if (!claimed) continue;
            jobs.Schedule<PushStockJob>(j => j.RunAsync(connectionId, CancellationToken.None), TimeSpan.FromSeconds(options.Value.PushDelaySeconds));
            queued++;
        }
        return queued;
    }

    /// <summary>The job's work: one connection's due listings pushed. What it did, for the jobs page.</summary>
    public async Task<string> PushAsync(Guid connectionId, CancellationToken ct)
    {
        _queued.TryRemove(connectionId, out _);
        await using var held = await locks.AcquireAsync("stock", connectionId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        var listings = await db.Set<Listing>().Where(l => l.ConnectionId == connectionId && l.StockDueAt != null).ToListAsync(ct);
        if (connection is null || listings.Count == 0) return "nothing due";
        var general = (await db.Set<ChannelSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == connectionId, ct))?.Values ?? [];
        var productIds = listings.Select(l => l.ProductId).ToList();
        var products = await db.Set<Product>().AsNoTracking().Include(p => p.Variants).Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var inStep = new List<Listing>();
        var work = new List<(Listing Listing, ListingStock Stock)>();
        foreach (var listing in listings)
        {
            // A listing being published gets its quantity from the publish; it stays due and is looked at again after.
            if (listing.State is ListingState.Publishing or ListingState.Ending) continue;
            var settings = ChannelSettings.Merged(general, listing.Settings);
            var rules = StockRules.From(settings);
            if (listing.ExternalId is null || listing.State is ListingState.Ended or ListingState.Draft || !rules.Sync
                || !products.TryGetValue(listing.ProductId, out var product))
            {
                inStep.Add(listing);
                continue;
            }
            var stock = new ListingStock(listing.ExternalId, product.Sku, Quantities(product, rules), listing.ChannelQuantities, settings);
            if (stock.Changed.Count == 0) inStep.Add(listing);
            else work.Add((listing, stock));
        }
        var refused = 0;
        if (work.Count > 0) refused = await SendAsync(connection, work, inStep, ct);
        await db.SaveChangesAsync(CancellationToken.None);
        // Cleared only if no change came in meanwhile: a later one keeps the listing due for the next push. Listings marked
        // by one change share its time, so this is a statement per change, not per listing.
        foreach (var marked in inStep.GroupBy(l => db.Entry(l).Property(x => x.StockDueAt).OriginalValue))
        {
            var (ids, due) = (marked.Select(l => l.Id).ToList(), marked.Key);
            await db.Set<Listing>().Where(l => ids.Contains(l.Id) && l.StockDueAt == due)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.StockDueAt, (DateTimeOffset?)null), CancellationToken.None);
        }
        changes.Changed();
        return $"{work.Count - refused} listings pushed, {refused} refused, {inStep.Count - (work.Count - refused)} already in step";
    }

    /// <summary>One call set for the connection's listings that need it; the refused keep their message. How many were refused.</summary>
    private async Task<int> SendAsync(Connection connection, List<(Listing Listing, ListingStock Stock)> work, List<Listing> inStep, CancellationToken ct)
    {
        IReadOnlyDictionary<string, string> problems;
        try
        {
            if (connection.State != ConnectionState.Connected)
                throw new MarketplaceException(MarketplaceErrorKind.ReauthorizationRequired, $"{connection.DisplayName} needs to be connected again.");
            var api = await apis.OpenAsync(connection, Actor, ct);
            problems = await _publishers[connection.Marketplace].SetStockAsync(api, work.Select(w => w.Stock).ToList(), ct);
        }
        catch (MarketplaceException e)
        {
            problems = work.ToDictionary(w => w.Stock.ExternalId, _ => e.Message);
        }
        var now = clock.GetUtcNow();
        foreach (var (listing, stock) in work)
        {
            if (problems.TryGetValue(stock.ExternalId, out var problem))
            {
                listing.StockMessage = problem;
                LogRefused(logger, stock.Sku, connection.Id, problem);
                continue;
            }
            foreach (var (sku, quantity) in stock.Quantities) listing.ChannelQuantities[sku] = quantity;
            (listing.StockMessage, listing.StockPushedAt) = (null, now);
            inStep.Add(listing);
        }
        return work.Count(w => problems.ContainsKey(w.Stock.ExternalId));
    }

    /// <summary>Every SKU of the product (its own, or each variant's) with what the channel lists of it.</summary>
    public static Dictionary<string, int> Quantities(Product product, StockRules rules) => product.HasVariants
        ? product.Variants.ToDictionary(v => v.Sku, v => rules.Listed(v.Quantity))
        : new Dictionary<string, int> { [product.Sku] = rules.Listed(product.Quantity) };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stock of {Sku} on connection {ConnectionId} was not pushed: {Reason}")]
    private static partial void LogRefused(ILogger logger, string sku, Guid connectionId, string reason);
}
