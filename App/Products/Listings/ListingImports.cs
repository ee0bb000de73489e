using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Products.Listings;

/// <summary>
/// What a seller already sells on a connection, brought into the catalog. Reading links every listing whose SKU a
/// catalog product has (its listing row records the marketplace's id, link and whether it is on sale); a listing with a
/// SKU the catalog lacks is offered for creation, made only when the seller confirms; one without a SKU is shown and
/// left alone, never matched by title.
/// </summary>
public sealed class ListingImports(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IListingPublisher> publishers, ConnectionApis apis, ProductCatalog catalog, MarketplaceCatalog marketplaces,
    TimeProvider clock, Notifier<Listing> changes)
{
    public const int MaxListings = 5_000;

    private readonly Dictionary<string, IListingPublisher> _publishers = publishers.ToDictionary(p => p.MarketplaceId, StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<ImportedListing>> ReadAsync(Guid connectionId, string actor, CancellationToken ct = default)
    {
        var connection = await ConnectionAsync(connectionId, ct);
        var api = await apis.OpenAsync(connection, actor, ct);
        var read = new List<MarketplaceListing>();
        IReadOnlyDictionary<string, string> settings;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            settings = (await db.Set<ChannelSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == connectionId, ct))?.Values ?? [];
        await foreach (var listing in _publishers[connection.Marketplace].ReadAllAsync(api, settings, ct))
        {
            read.Add(listing);
            if (read.Count > MaxListings)
                throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"{connection.DisplayName} has more than {MaxListings:N0} listings; importing that many at once is not supported yet.");
        }
        var products = await catalog.FindBySkuAsync(read.Select(l => l.Sku).OfType<string>().ToList(), ct);
        var imported = read.Select(l => l.Sku is null ? new ImportedListing(l, ImportOutcome.NoSku, null, "No SKU: not linked. Give it a SKU at the marketplace to link it.")
            : products.TryGetValue(l.Sku, out var product) ? new ImportedListing(l, ImportOutcome.Linked, product.Id, $"Linked to {product.Sku}.")
            : new ImportedListing(l, ImportOutcome.NotInCatalog, null, "Not in the catalog.")).ToList();
        await LinkAsync(connection, imported.Where(i => i.Outcome == ImportOutcome.Linked).Select(i => (i.Listing, i.ProductId!.Value)), ct);
        return imported;
    }

    /// <summary>Makes catalog products of listings the seller chose, each linked to its listing; a listing the catalog refuses says why.</summary>
    public async Task<IReadOnlyList<ImportedListing>> CreateAsync(Guid connectionId, IReadOnlyList<MarketplaceListing> listings, CancellationToken ct = default)
    {
        var connection = await ConnectionAsync(connectionId, ct);
        var currency = await catalog.DefaultCurrencyAsync(ct);
        var results = new List<ImportedListing>();
        foreach (var listing in listings)
        {
            var product = ProductOf(listing, currency);
            var saved = await catalog.SaveAsync(product, ct, new Inventory.StockCause(Inventory.StockMovementReason.Import, null, $"Made from its listing on {connection.DisplayName}"));
            if (!saved.Saved)
            {
                results.Add(new ImportedListing(listing, ImportOutcome.Refused, null, string.Join(" ", saved.Errors.Select(e => e.Message).Distinct())));
                continue;
            }
            await LinkAsync(connection, [(listing, product.Id)], ct);
            results.Add(new ImportedListing(listing, ImportOutcome.Created, product.Id, $"Created {product.Sku}."));
        }
        return results;
    }

    public static Product ProductOf(MarketplaceListing listing, string currency)
    {
        var product = new Product
        {
            Id = Guid.CreateVersion7(), Sku = listing.Sku ?? "", Title = listing.Title, Description = listing.Description ?? "", Currency = currency,
            Price = listing.Price ?? listing.Variants.Select(v => v.Price).OfType<decimal>().DefaultIfEmpty(0).Min(), Quantity = Math.Max(0, listing.Quantity ?? 0),
        };
        if (listing.Variants.Count == 0) return product;
        product.Options = listing.Options.Select((o, i) => new ProductOption { Name = o.Name, Position = i, Values = [.. o.Values] }).ToList();
        product.Variants = listing.Variants.Select((v, i) => new ProductVariant
        {
            Sku = v.Sku ?? "", Position = i, OptionValues = [.. v.OptionValues], Price = v.Price ?? product.Price, Quantity = Math.Max(0, v.Quantity ?? 0),
        }).ToList();
        return product;
    }

    private async Task LinkAsync(Connection connection, IEnumerable<(MarketplaceListing Listing, Guid ProductId)> links, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var (read, productId) in links)
        {
            var listing = await db.Set<Listing>().SingleOrDefaultAsync(l => l.ProductId == productId && l.ConnectionId == connection.Id, ct);
            if (listing is null)
            {
                listing = new Listing { Id = Guid.CreateVersion7(), ProductId = productId, ConnectionId = connection.Id, Marketplace = connection.Marketplace };
                db.Add(listing);
            }
            (listing.ExternalId, listing.Url, listing.State, listing.Message, listing.UpdatedAt) =
                (read.ExternalId, read.Url, read.Live ? ListingState.Live : ListingState.Ended, null, now);
        }
        await db.SaveChangesAsync(ct);
        changes.Changed();
    }

    private async Task<Connection> ConnectionAsync(Guid connectionId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct)
                         ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, "This connection no longer exists.");
        if (!_publishers.ContainsKey(connection.Marketplace))
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Listings cannot be read from {marketplaces[connection.Marketplace].Name} yet.");
        if (connection.State != ConnectionState.Connected)
            throw new MarketplaceException(MarketplaceErrorKind.ReauthorizationRequired, $"{connection.DisplayName} needs to be connected again.");
        return connection;
    }
}

public enum ImportOutcome
{
    Linked,
    NotInCatalog,
    NoSku,
    Created,
    Refused,
}

/// <param name="ProductId">The catalog product it is linked to, if any.</param>
public sealed record ImportedListing(MarketplaceListing Listing, ImportOutcome Outcome, Guid? ProductId, string Message);
