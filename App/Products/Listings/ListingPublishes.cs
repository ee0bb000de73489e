using Hangfire;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Marketplaces.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Products.Listings;

/// <summary>
/// Publishing products to connections. A request marks each listing Publishing and queues one background job per
/// listing (<see cref="PublishListingJob"/>), so a publish survives a closed page or a restart and the pages follow its
/// progress; the job calls the marketplace's <see cref="IListingPublisher"/> and records Live, or Needs attention with
/// the marketplace's message. One publish per listing at a time (its lock, across instances too).
/// </summary>
public sealed partial class ListingPublishes(
    IDbContextFactory<AppDbContext> contexts, IExclusiveLocks locks, IEnumerable<IListingPublisher> publishers, ConnectionApis apis, ProductCatalog catalog,
    PublicImageUrls imageUrls, MarketplaceCatalog marketplaces, IBackgroundJobClient jobs, TimeProvider clock, Notifier<Listing> changes,
    ILogger<ListingPublishes> logger)
{
    private readonly Dictionary<string, IListingPublisher> _publishers = publishers.ToDictionary(p => p.MarketplaceId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The marketplaces products can be published to, by name ("WooCommerce and Shopify").</summary>
    public string MarketplaceNames
    {
        get
        {
            var names = _publishers.Keys.Select(k => marketplaces[k].Name).Order().ToList();
            return names.Count <= 1 ? string.Join("", names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        }
    }

    /// <summary>
    /// The connections products can be published to: connected, on a marketplace with a publisher; with
    /// <paramref name="productId"/>, also those holding a listing of it whatever their state, so a listing whose shop
    /// must be connected again stays in sight with its problem.
    /// </summary>
    public async Task<IReadOnlyList<ListingChannel>> ChannelsAsync(Guid? productId = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var listed = db.Set<Listing>().Where(l => l.ProductId == productId).Select(l => l.ConnectionId);
        var connections = await db.Set<Connection>().AsNoTracking()
            .Where(c => c.State == ConnectionState.Connected || listed.Contains(c.Id)).ToListAsync(ct);
        return connections.Where(c => _publishers.ContainsKey(c.Marketplace))
            .Select(c => new ListingChannel(c.Id, c.Marketplace, marketplaces[c.Marketplace].Name, c.DisplayName, c.State == ConnectionState.Connected))
            .OrderBy(c => c.MarketplaceName).ThenBy(c => c.ConnectionName).ToList();
    }

    public async Task<IReadOnlyList<Listing>> ListingsAsync(Guid productId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Listing>().AsNoTracking().Where(l => l.ProductId == productId).ToListAsync(ct);
    }

    /// <summary>Marks the product's listing on each connection Publishing and queues its job.</summary>
    public Task RequestAsync(Guid productId, IEnumerable<Guid> connectionIds, string actor, CancellationToken ct = default) =>
        RequestAsync([productId], connectionIds, actor, ct);

    /// <summary>Marks each product's listing on each connection Publishing, all in one write, and queues a job per listing.</summary>
    public async Task RequestAsync(IReadOnlyCollection<Guid> productIds, IEnumerable<Guid> connectionIds, string actor, CancellationToken ct = default)
    {
        var wanted = connectionIds.ToHashSet();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = await db.Set<Connection>().AsNoTracking().Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        var listings = await db.Set<Listing>().Where(l => productIds.Contains(l.ProductId) && wanted.Contains(l.ConnectionId)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var productId in productIds)
        foreach (var connection in connections.Where(c => _publishers.ContainsKey(c.Marketplace)))
        {
            var listing = listings.FirstOrDefault(l => l.ProductId == productId && l.ConnectionId == connection.Id);
            if (listing is null)
            {
                listing = new Listing { Id = Guid.CreateVersion7(), ProductId = productId, ConnectionId = connection.Id, Marketplace = connection.Marketplace };
                db.Add(listing);
                listings.Add(listing);
            }
            (listing.State, listing.Message, listing.UpdatedAt) = (ListingState.Publishing, null, now);
        }
        await db.SaveChangesAsync(ct);
        foreach (var listing in listings) jobs.Enqueue<PublishListingJob>(j => j.RunAsync(listing.Id, actor, CancellationToken.None));
        changes.Changed();
    }

    /// <summary>Marks the product's listings on these connections Ending and queues a job each to take them off sale.</summary>
    public async Task RequestEndAsync(Guid productId, IEnumerable<Guid> connectionIds, string actor, CancellationToken ct = default)
    {
        var wanted = connectionIds.ToHashSet();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var listings = await db.Set<Listing>().Where(l => l.ProductId == productId && wanted.Contains(l.ConnectionId) && l.ExternalId != null).ToListAsync(ct);
        foreach (var listing in listings) (listing.State, listing.Message, listing.UpdatedAt) = (ListingState.Ending, null, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        foreach (var listing in listings) jobs.Enqueue<EndListingJob>(j => j.RunAsync(listing.Id, actor, CancellationToken.None));
        changes.Changed();
    }

    /// <summary>
    /// Ends every listing of a product now, before it is deleted (a job would find the product gone); the messages of those
    /// that could not be ended, with the marketplace's reason.
    /// </summary>
    public async Task<IReadOnlyList<string>> EndAllNowAsync(Guid productId, string actor, CancellationToken ct = default)
    {
        var problems = new List<string>();
        foreach (var listing in (await ListingsAsync(productId, ct)).Where(l => l.ExternalId is not null && l.State != ListingState.Ended))
        {
            var outcome = await EndAsync(listing.Id, actor, ct);
            if (outcome is not null) problems.Add(outcome);
        }
        return problems;
    }

    /// <summary>The end job's work: one listing taken off sale. Null when it was, else why not.</summary>
    public async Task<string?> EndAsync(Guid listingId, string actor, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("listing", listingId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var listing = await db.Set<Listing>().SingleOrDefaultAsync(l => l.Id == listingId, ct);
        var connection = listing is null ? null : await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == listing.ConnectionId, ct);
        if (listing?.ExternalId is null || connection is null) return null;
        string? problem = null;
        try
        {
            if (connection.State != ConnectionState.Connected)
                throw new MarketplaceException(MarketplaceErrorKind.ReauthorizationRequired, $"{connection.DisplayName} needs to be connected again.");
            var sku = await db.Set<Product>().Where(p => p.Id == listing.ProductId).Select(p => p.Sku).SingleOrDefaultAsync(ct) ?? "";
            var settings = await ChosenAsync(db, connection.Id, listing.ProductId, ct);
            await _publishers[listing.Marketplace].EndAsync(await apis.OpenAsync(connection, actor, ct), new ListingEnd(listing.ExternalId, sku, settings), ct);
            (listing.State, listing.Message) = (ListingState.Ended, null);
        }
        catch (MarketplaceException e)
        {
            problem = $"{marketplaces[connection.Marketplace].Name} · {connection.DisplayName}: {e.Message}";
            (listing.State, listing.Message) = (ListingState.NeedsAttention, $"Not ended: {e.Message}");
        }
        await SaveAsync(db, listing, CancellationToken.None);
        return problem;
    }

    /// <summary>
    /// A connection's channel settings: what its marketplace offers now, and what the seller chose (with, while the
    /// seller is choosing, <paramref name="choosing"/> over it: what the choices depend on); for one product's listing with
    /// <paramref name="productId"/>, the connection's choices with the product's own over them.
    /// </summary>
    public async Task<(IReadOnlyList<ChannelSetting> Offered, IReadOnlyDictionary<string, string> Chosen)> SettingsAsync(Guid connectionId, string actor,
        CancellationToken ct = default, IReadOnlyDictionary<string, string>? choosing = null, Guid? productId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == connectionId, ct);
        var chosen = await ChosenAsync(db, connectionId, productId, ct);
        foreach (var (key, value) in choosing ?? new Dictionary<string, string>()) chosen[key] = value;
        var publisher = _publishers[connection.Marketplace];
        var offered = await publisher.SettingsAsync(await apis.OpenAsync(connection, actor, ct), chosen, ct);
        return ([.. offered, .. StockRules.Settings(publisher.OutOfStock)], chosen);
    }

    /// <summary>
    /// One product's own settings on a connection: the values that differ from the connection's are kept on its listing
    /// (made, as a draft, if the product was never published there); the others follow the connection's from now on.
    /// </summary>
    /// <param name="defaults">What each setting is when the connection has not chosen it.</param>
    public async Task SaveProductSettingsAsync(Guid productId, Guid connectionId, IReadOnlyDictionary<string, string> values,
        IReadOnlyDictionary<string, string> defaults, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var general = await ChosenAsync(db, connectionId, null, ct);
        var own = values.Where(v => (general.TryGetValue(v.Key, out var chosen) ? chosen : defaults.GetValueOrDefault(v.Key, "")) != v.Value)
            .ToDictionary(v => v.Key, v => v.Value);
        var listing = await db.Set<Listing>().SingleOrDefaultAsync(l => l.ProductId == productId && l.ConnectionId == connectionId, ct);
        if (listing is null)
        {
            var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == connectionId, ct);
            db.Add(listing = new Listing { Id = Guid.CreateVersion7(), ProductId = productId, ConnectionId = connectionId, Marketplace = connection.Marketplace, State = ListingState.Draft });
        }
        listing.Settings = own;
        await SaveAsync(db, listing, ct);
    }

    /// <summary>The connection's chosen settings, with a product's own over them.</summary>
    private static async Task<Dictionary<string, string>> ChosenAsync(AppDbContext db, Guid connectionId, Guid? productId, CancellationToken ct)
    {
        var general = (await db.Set<ChannelSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == connectionId, ct))?.Values ?? [];
        var own = productId is { } product
            ? await db.Set<Listing>().AsNoTracking().Where(l => l.ProductId == product && l.ConnectionId == connectionId).Select(l => l.Settings).SingleOrDefaultAsync(ct)
            : null;
        return ChannelSettings.Merged(general, own);
    }

    public async Task SaveSettingsAsync(Guid connectionId, IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.Set<ChannelSettings>().SingleOrDefaultAsync(s => s.ConnectionId == connectionId, ct);
        if (stored is null) db.Add(stored = new ChannelSettings { ConnectionId = connectionId });
        stored.Values = new Dictionary<string, string>(values);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The product's listings at marketplaces brought up to date after an edit; how many.</summary>
    public async Task<int> ReviseAsync(Guid productId, string actor, CancellationToken ct = default)
    {
        var listed = (await ListingsAsync(productId, ct)).Where(l => l.State is ListingState.Live or ListingState.NeedsAttention && l.ExternalId is not null).ToList();
        if (listed.Count > 0) await RequestAsync(productId, listed.Select(l => l.ConnectionId), actor, ct);
        return listed.Count;
    }

    /// <summary>The job's work: one listing sent to its marketplace. A transient failure is thrown for the job to retry.</summary>
    public async Task PublishAsync(Guid listingId, string actor, CancellationToken ct)
    {
        await using var held = await locks.AcquireAsync("listing", listingId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var listing = await db.Set<Listing>().SingleOrDefaultAsync(l => l.Id == listingId, ct);
        if (listing is null) return;
        var product = await catalog.FindAsync(listing.ProductId, ct);
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == listing.ConnectionId, ct);
        if (product is null || connection is null) return;
        try
        {
            if (connection.State != ConnectionState.Connected)
                throw new MarketplaceException(MarketplaceErrorKind.ReauthorizationRequired, $"{connection.DisplayName} needs to be connected again.");
            var api = await apis.OpenAsync(connection, actor, ct);
            var settings = await ChosenAsync(db, connection.Id, listing.ProductId, ct);
            var sent = StockRules.From(settings).Applied(product);
            var draft = new ListingDraft(sent, listing.ExternalId, product.Images.ToDictionary(i => i.Id, imageUrls.For), settings,
                MayExist: listing.ExternalId is null && listing.AttemptedAt is not null);
            listing.AttemptedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            var published = await _publishers[listing.Marketplace].PublishAsync(api, draft, ct);
            (listing.State, listing.ExternalId, listing.Url, listing.Message) = (ListingState.Live, published.ExternalId, published.Url, null);
            listing.PublishedAt = clock.GetUtcNow();
            listing.ChannelQuantities = StockPushes.Quantities(sent, StockRules.Default);
            LogPublished(logger, product.Sku, connection.Id, published.ExternalId);
        }
        catch (MarketplaceException e) when (e.Kind != MarketplaceErrorKind.Transient)
        {
            (listing.State, listing.Message) = (ListingState.NeedsAttention, e.Message);
            LogRefused(logger, product.Sku, connection.Id, e.Message);
        }
        catch (MarketplaceException e)
        {
            listing.Message = $"Trying again: {e.Message}";
            await SaveAsync(db, listing, CancellationToken.None);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (listing.State, listing.Message) = (ListingState.NeedsAttention, "An unexpected error; see the log.");
            LogCrashed(logger, product.Sku, connection.Id, e);
        }
        await SaveAsync(db, listing, CancellationToken.None);
    }

    private async Task SaveAsync(AppDbContext db, Listing listing, CancellationToken ct)
    {
        listing.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        changes.Changed();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Sku} to connection {ConnectionId} as {ExternalId}")]
    private static partial void LogPublished(ILogger logger, string sku, Guid connectionId, string externalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Sku} to connection {ConnectionId} was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string sku, Guid connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing {Sku} to connection {ConnectionId} failed unexpectedly")]
    private static partial void LogCrashed(ILogger logger, string sku, Guid connectionId, Exception exception);
}

public sealed record ListingChannel(Guid ConnectionId, string Marketplace, string MarketplaceName, string ConnectionName, bool Connected);
