using Marketplaces.Database;
using Marketplaces.Hosting;
using Marketplaces.Inventory;
using Marketplaces.Orders;
using Marketplaces.Products.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Products;

/// <summary>
/// The catalog's reads and writes. A save is checked whole first (<see cref="ProductRules"/>, and every SKU against the
/// rest of the catalog, variants included: stock and listings are matched by SKU) and then written in one transaction,
/// so a product is never half saved; images dropped from a product leave the disk once the save has committed.
/// </summary>
public sealed class ProductCatalog(IDbContextFactory<AppDbContext> contexts, ProductImages images, TimeProvider clock, Notifier<Product> changes)
{
    public const int MaxPageSize = 200;
    private static readonly ProductRules Rules = new();

    public Task<ProductListPage> PageAsync(string? search, int skip, int take, CancellationToken ct = default) =>
        PageAsync(new ProductListFilter(search), skip, take, ct);

    public async Task<ProductListPage> PageAsync(ProductListFilter filter, int skip, int take, CancellationToken ct = default) =>
        await PageAsync(filter, ProductSort.Newest, skip, take, ct);

    public async Task<ProductListPage> PageAsync(ProductListFilter filter, ProductSort sort, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var products = Filtered(db, filter);
        var count = await products.CountAsync(ct);
        var rows = await Sorted(products, sort)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(p => new ProductRow(p.Id, p.Sku, p.Title, p.Price, p.Currency,
                p.Variants.Count == 0 ? p.Quantity : p.Variants.Sum(v => v.Quantity), p.Variants.Count,
                p.Images.OrderBy(i => i.Position).Select(i => (Guid?)i.Id).FirstOrDefault(), p.UpdatedAt, null))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var listings = (await db.Set<Listing>().AsNoTracking().Where(l => ids.Contains(l.ProductId))
                .Select(l => new { l.ProductId, l.ConnectionId, l.Marketplace, l.State }).ToListAsync(ct))
            .ToLookup(l => l.ProductId, l => new ProductRowListing(l.ConnectionId, l.Marketplace, l.State));
        return new ProductListPage(rows.Select(r => r with { Listings = listings[r.Id].OrderBy(l => l.Marketplace).ToList() }).ToList(), count);
    }

    /// <summary>The SKU breaks ties, so that paging is stable.</summary>
    private static IOrderedQueryable<Product> Sorted(IQueryable<Product> products, ProductSort sort) => (sort.Column, sort.Descending) switch
    {
        (ProductSortColumn.Title, false) => products.OrderBy(p => p.Title).ThenBy(p => p.Sku),
        (ProductSortColumn.Title, true) => products.OrderByDescending(p => p.Title).ThenBy(p => p.Sku),
        (ProductSortColumn.Price, false) => products.OrderBy(p => p.Price).ThenBy(p => p.Sku),
        (ProductSortColumn.Price, true) => products.OrderByDescending(p => p.Price).ThenBy(p => p.Sku),
        (ProductSortColumn.Quantity, false) => products.OrderBy(p => p.Variants.Count == 0 ? p.Quantity : p.Variants.Sum(v => v.Quantity)).ThenBy(p => p.Sku),
        (ProductSortColumn.Quantity, true) => products.OrderByDescending(p => p.Variants.Count == 0 ? p.Quantity : p.Variants.Sum(v => v.Quantity)).ThenBy(p => p.Sku),
        (_, false) => products.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Sku),
        _ => products.OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Sku),
    };

    private static IQueryable<Product> Filtered(AppDbContext db, ProductListFilter filter)
    {
        var products = db.Set<Product>().AsNoTracking();
        if (StoredText.Clean(filter.Search, ProductRules.TitleLength)?.Trim().ToLowerInvariant() is { Length: > 0 } term)
            products = products.Where(p => p.Sku.ToLower().Contains(term) || p.Title.ToLower().Contains(term)
                                           || p.Variants.Any(v => v.Sku.ToLower().Contains(term)));
        var listings = db.Set<Listing>().Where(l => filter.ConnectionId == null || l.ConnectionId == filter.ConnectionId);
        if (filter.NotListed) return products.Where(p => !listings.Any(l => l.ProductId == p.Id && l.State != ListingState.Ended));
        if (filter.State is { } state) return products.Where(p => listings.Any(l => l.ProductId == p.Id && l.State == state));
        return filter.ConnectionId is null ? products : products.Where(p => listings.Any(l => l.ProductId == p.Id));
    }

    public async Task<Product?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var product = await db.Set<Product>().AsNoTracking().AsSplitQuery()
            .Include(p => p.Options).Include(p => p.Variants).Include(p => p.Images)
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null) return null;
        product.Options = product.Options.OrderBy(o => o.Position).ToList();
        product.Variants = product.Variants.OrderBy(v => v.Position).ToList();
        product.Images = product.Images.OrderBy(i => i.Position).ToList();
        return product;
    }

    /// <summary>What a new product is priced in: the currency of the product edited last, or US dollars in an empty catalog.</summary>
    public async Task<string> DefaultCurrencyAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Set<Product>().OrderByDescending(p => p.UpdatedAt).Select(p => p.Currency).FirstOrDefaultAsync(ct) ?? "USD";
    }

    /// <summary>Every product with its variants, by SKU, for the CSV export: read in pages, never the whole catalog at once.</summary>
    public async IAsyncEnumerable<Product> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? after = null;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var page = await db.Set<Product>().AsNoTracking().AsSplitQuery().Include(p => p.Options).Include(p => p.Variants)
                .Where(p => after == null || string.Compare(p.Sku, after) > 0).OrderBy(p => p.Sku).Take(MaxPageSize).ToListAsync(ct);
            foreach (var product in page)
            {
                product.Options = product.Options.OrderBy(o => o.Position).ToList();
                product.Variants = product.Variants.OrderBy(v => v.Position).ToList();
                yield return product;
            }
            if (page.Count < MaxPageSize) yield break;
            after = page[^1].Sku;
        }
    }

    /// <summary>Checks and stores <paramref name="product"/> (new when its id is not stored yet); the messages say what stops it, by field.</summary>
    /// <param name="cause">What the ledger says moved a changed quantity: an edit unless said otherwise.</param>
    /// <param name="alongside">Adds rows that belong with the product (a supplier link) to the same transaction.</param>
    public async Task<ProductSaveResult> SaveAsync(Product product, CancellationToken ct = default, StockCause? cause = null, Action<AppDbContext>? alongside = null)
    {
        var errors = await CheckAsync(product, ct);
        if (errors.Count > 0) return new ProductSaveResult(errors);
        await using var db = await contexts.CreateDbContextAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Its row locked first: a sale being stored waits for this save, or this save for it (PostgreSQL; SQLite writes one at a time).
        await db.Set<Product>().Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Quantity, p => p.Quantity), ct);
        var stored = await db.Set<Product>().AsSplitQuery().Include(p => p.Options).Include(p => p.Variants).Include(p => p.Images)
            .SingleOrDefaultAsync(p => p.Id == product.Id, ct);
        var now = clock.GetUtcNow();
        cause ??= StockCause.Edit;
        var before = stored is null ? [] : StockLedger.Quantities(stored);
        if (cause.Loaded is { } loaded) StockLedger.KeepMovedMeanwhile(product, before, loaded);
        List<Guid> droppedImages = [];
        if (stored is null)
        {
            if (product.Id == Guid.Empty) product.Id = Guid.CreateVersion7();
            product.CreatedAt = product.UpdatedAt = now;
            Adopt(product);
            db.Add(product);
        }
        else
        {
            droppedImages = stored.Images.Select(i => i.Id).Except(product.Images.Select(i => i.Id)).ToList();
            db.Entry(stored).CurrentValues.SetValues(product);
            stored.CreatedAt = db.Entry(stored).OriginalValues.GetValue<DateTimeOffset>(nameof(Product.CreatedAt));
            stored.UpdatedAt = now;
            Adopt(product);
            Replace(db, stored.Options, product.Options);
            Replace(db, stored.Variants, product.Variants);
            Replace(db, stored.Images, product.Images);
        }
        await StockLedger.RecordAsync(db, product, before, cause, now, ct);
        alongside?.Invoke(db);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        foreach (var image in droppedImages) images.Delete(image);
        changes.Changed();
        return new ProductSaveResult([], product.Id);
    }

    /// <summary>What would stop <paramref name="product"/> from being saved (its text is normalized on the way); nothing is written.</summary>
    public async Task<List<ProductError>> CheckAsync(Product product, CancellationToken ct = default)
    {
        Normalize(product);
        var checkedProduct = await Rules.ValidateAsync(product, ct);
        var errors = checkedProduct.Errors.Select(e => new ProductError(FieldOf(e.PropertyName), e.ErrorMessage)).ToList();
        if (errors.Count > 0) return errors;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await TakenSkusAsync(db, product, ct);
    }

    /// <summary>The stored products with these SKUs (case-insensitive), with their options, variants and images.</summary>
    public async Task<Dictionary<string, Product>> FindBySkuAsync(IReadOnlyCollection<string> skus, CancellationToken ct = default)
    {
        var lowered = skus.Select(s => s.ToLowerInvariant()).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await db.Set<Product>().AsNoTracking().AsSplitQuery().Include(p => p.Options).Include(p => p.Variants).Include(p => p.Images)
            .Where(p => lowered.Contains(p.Sku.ToLower())).ToListAsync(ct);
        return found.ToDictionary(p => p.Sku, StringComparer.OrdinalIgnoreCase);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var imageIds = await db.Set<ProductImage>().Where(i => i.ProductId == id).Select(i => i.Id).ToListAsync(ct);
        await db.Set<Product>().Where(p => p.Id == id).ExecuteDeleteAsync(ct);
        foreach (var image in imageIds) images.Delete(image);
        changes.Changed();
    }

    /// <summary>SKUs of the product or its variants that another product or variant already has.</summary>
    private static async Task<List<ProductError>> TakenSkusAsync(AppDbContext db, Product product, CancellationToken ct)
    {
        var skus = product.Variants.Select(v => v.Sku).Prepend(product.Sku).ToList();
        var lowered = skus.Select(s => s.ToLowerInvariant()).ToList();
        var taken = await db.Set<Product>().Where(p => p.Id != product.Id && lowered.Contains(p.Sku.ToLower())).Select(p => p.Sku)
            .Concat(db.Set<ProductVariant>().Where(v => v.ProductId != product.Id && lowered.Contains(v.Sku.ToLower())).Select(v => v.Sku))
            .ToListAsync(ct);
        return taken.Distinct(StringComparer.OrdinalIgnoreCase).Select(sku => string.Equals(sku, product.Sku, StringComparison.OrdinalIgnoreCase)
            ? new ProductError(nameof(Product.Sku), $"Another product already has the SKU {sku}.")
            : new ProductError(nameof(Product.Variants), $"Another product already has the SKU {sku}.")).ToList();
    }

    private static void Normalize(Product product)
    {
        product.Sku = product.Sku.Trim();
        product.Title = product.Title.Trim();
        product.Description = ProductDescription.Sanitize(product.Description);
        product.Brand = Blank(product.Brand);
        product.Mpn = Blank(product.Mpn);
        product.Gtin = Blank(product.Gtin);
        product.Currency = product.Currency.Trim().ToUpperInvariant();
        foreach (var option in product.Options)
        {
            option.Name = option.Name.Trim();
            option.Values = option.Values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        }
        foreach (var variant in product.Variants)
        {
            variant.Sku = variant.Sku.Trim();
            variant.Gtin = Blank(variant.Gtin);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Children point at the product and are numbered in the order the seller put them.</summary>
    private static void Adopt(Product product)
    {
        for (var i = 0; i < product.Options.Count; i++) (product.Options[i].ProductId, product.Options[i].Position) = (product.Id, i);
        for (var i = 0; i < product.Variants.Count; i++) (product.Variants[i].ProductId, product.Variants[i].Position) = (product.Id, i);
        for (var i = 0; i < product.Images.Count; i++) (product.Images[i].ProductId, product.Images[i].Position) = (product.Id, i);
        foreach (var option in product.Options.Where(o => o.Id == Guid.Empty)) option.Id = Guid.CreateVersion7();
        foreach (var variant in product.Variants.Where(v => v.Id == Guid.Empty)) variant.Id = Guid.CreateVersion7();
        var imageIds = product.Images.Select(i => i.Id).ToHashSet();
        foreach (var variant in product.Variants.Where(v => v.ImageId is { } id && !imageIds.Contains(id))) variant.ImageId = null;
    }

    /// <summary>The stored children become the edited ones: kept by id and updated, the others removed or added.</summary>
    private static void Replace<T>(AppDbContext db, List<T> stored, List<T> edited) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single();
        object Id(T item) => key.PropertyInfo!.GetValue(item)!;
        var editedById = edited.ToDictionary(Id);
        foreach (var old in stored.ToList())
        {
            if (editedById.Remove(Id(old), out var now)) db.Entry(old).CurrentValues.SetValues(now);
            else db.Remove(old);
        }
        foreach (var added in editedById.Values) db.Add(added);
    }

    private static string FieldOf(string property) => property.Split('[', '.')[0];
}

/// <param name="Listings">Where the product is listed, in what state.</param>
public sealed record ProductRow(
    Guid Id, string Sku, string Title, decimal Price, string Currency, int Quantity, int Variants, Guid? ImageId, DateTimeOffset UpdatedAt,
    IReadOnlyList<ProductRowListing>? Listings);

public sealed record ProductRowListing(Guid ConnectionId, string Marketplace, ListingState State);

public enum ProductSortColumn
{
    Updated,
    Title,
    Price,
    Quantity,
}

public sealed record ProductSort(ProductSortColumn Column, bool Descending)
{
    public static readonly ProductSort Newest = new(ProductSortColumn.Updated, true);

    /// <summary>The grid's column name (a <see cref="ProductRow"/> property) as a sort; null for a column that does not sort.</summary>
    public static ProductSort? For(string column, bool descending) => column switch
    {
        nameof(ProductRow.Title) => new(ProductSortColumn.Title, descending),
        nameof(ProductRow.Price) => new(ProductSortColumn.Price, descending),
        nameof(ProductRow.Quantity) => new(ProductSortColumn.Quantity, descending),
        nameof(ProductRow.UpdatedAt) => new(ProductSortColumn.Updated, descending),
        _ => null,
    };
}

/// <summary>The product list's filter: a search, a connection, and a listing state there (or not listed there at all).</summary>
public sealed record ProductListFilter(string? Search, Guid? ConnectionId = null, ListingState? State = null, bool NotListed = false);

public sealed record ProductListPage(IReadOnlyList<ProductRow> Rows, int Count);

/// <param name="Field">The product's property the message is about (Sku, Title, Variants, …), for the editor to show it there.</param>
public sealed record ProductError(string Field, string Message);

public sealed record ProductSaveResult(IReadOnlyList<ProductError> Errors, Guid? Id = null)
{
    public bool Saved => Errors.Count == 0;
}
