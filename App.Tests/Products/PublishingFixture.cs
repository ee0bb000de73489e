using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Products;

/// <summary>
/// The app on a real port (sandbox stores download product images from the app's public image addresses) with one
/// built-in sandbox account of <paramref name="marketplace"/> connected: the catalog, publishing and its jobs.
/// </summary>
public abstract class PublishingFixture(string marketplace, string account) : ServerAppFactory
{
    public Guid Connection { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
        Connection = await SandboxAccounts.ConnectAsync(this, marketplace, account);
    }

    public ProductCatalog Catalog => Services.GetRequiredService<ProductCatalog>();

    public ListingPublishes Publishes => Services.GetRequiredService<ListingPublishes>();

    public ListingImports Imports => Services.GetRequiredService<ListingImports>();

    public static Product New(string sku, decimal price = 19.90m, int quantity = 5) =>
        new() { Id = Guid.CreateVersion7(), Sku = sku, Title = $"Product {sku}", Currency = "USD", Price = price, Quantity = quantity, WeightGrams = 250 };

    public async Task<Product> SavedAsync(Product product)
    {
        var saved = await Catalog.SaveAsync(product);
        Assert.True(saved.Saved, string.Join(" ", saved.Errors.Select(e => e.Message)));
        return (await Catalog.FindAsync(product.Id))!;
    }

    /// <summary>A simple product with this title and one photo, saved.</summary>
    public async Task<Product> SavedWithPhotoAsync(string sku, string title)
    {
        var product = New(sku);
        product.Title = title;
        return await SavedAsync(await WithImageAsync(product));
    }

    /// <summary>Forgets the listing's marketplace id, as a publish whose answer was lost leaves it.</summary>
    public async Task ForgetIdAsync(Guid productId)
    {
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Marketplaces.Database.AppDbContext>>().CreateDbContextAsync();
        db.Set<Listing>().Single(l => l.ProductId == productId).ExternalId = null;
        await db.SaveChangesAsync();
    }

    public async Task<Product> WithImageAsync(Product product)
    {
        await using var image = new MemoryStream(TestImages.Encode(800, 800));
        product.Images.Add(await Services.GetRequiredService<ProductImages>().StoreAsync(product.Id, "front.jpg", image, CancellationToken.None));
        return product;
    }

    /// <summary>Requests a publish (its job runs on the app's Hangfire server) and waits until the listing has left Publishing.</summary>
    public async Task<Listing> PublishAsync(Guid productId)
    {
        await Publishes.RequestAsync(productId, [Connection], "test");
        return await SettledAsync(productId);
    }

    public async Task<Listing> EndAsync(Guid productId)
    {
        await Publishes.RequestEndAsync(productId, [Connection], "test");
        return await SettledAsync(productId);
    }

    /// <summary>Edits go to the listing as a publish would.</summary>
    public async Task<Listing> ReviseAsync(Guid productId)
    {
        Assert.Equal(1, await Publishes.ReviseAsync(productId, "test"));
        return await SettledAsync(productId);
    }

    private async Task<Listing> SettledAsync(Guid productId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var listing = (await Publishes.ListingsAsync(productId)).Single(l => l.ConnectionId == Connection);
            if (listing.State is not (ListingState.Publishing or ListingState.Ending)) return listing;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still {listing.State}: {listing.Message}");
            await Task.Delay(100);
        }
    }
}
