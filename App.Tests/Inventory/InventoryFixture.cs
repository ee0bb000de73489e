using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Ebay.Sandbox;
using Marketplaces.Ebay.Sandbox.Orders;
using Marketplaces.Inventory;
using Marketplaces.Polling;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Tests.Infrastructure;
using Marketplaces.Tests.Products;
using Marketplaces.Tests.WooCommerce.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplaces.Tests.Inventory;

/// <summary>
/// The app with one sandbox account of each of the six marketplaces products publish to, stock pushed half a second
/// after a change: sales are made on the emulators' order books and read by the real order feeds.
/// </summary>
public sealed class InventoryFixture : ServerAppFactory
{
    public const string Seller = "stock-seller";
    public static readonly string[] Marketplaces = ["ebay", "woocommerce", "shopify", "prestashop", "etsy", "amazon"];

    private static readonly Dictionary<string, Dictionary<string, string>> Settings = new()
    {
        ["ebay"] = new() { ["marketplace"] = "EBAY_DE", ["postalCode"] = "10115" },
        ["etsy"] = new() { ["taxonomy_id"] = "119" },
    };

    public Dictionary<string, Guid> Connections { get; } = [];

    public InventoryFixture() => With("Inventory:PushDelaySeconds", "0.5");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await this.EnsureOwnerAsync();
        this.StopScheduledPolling();
        foreach (var marketplace in Marketplaces)
        {
            Connections[marketplace] = await SandboxAccounts.ConnectAsync(this, marketplace, marketplace is "woocommerce" or "prestashop" ? "main" : Seller);
            if (Settings.TryGetValue(marketplace, out var settings)) await Publishes.SaveSettingsAsync(Connections[marketplace], settings);
        }
    }

    public ProductCatalog Catalog => Services.GetRequiredService<ProductCatalog>();
    public ListingPublishes Publishes => Services.GetRequiredService<ListingPublishes>();
    public StockLedger Ledger => Services.GetRequiredService<StockLedger>();

    public SandboxOrderBook EbayBook => Services.GetServices<ISandboxEmulator>().OfType<EbayOrdersEmulator>().Single().Book(EbaySandboxAccount.FromName(Seller));
    public SandboxOrderBook WooCommerceBook => WooCommerceStores.Emulator(this).Book();

    /// <summary>A product with a photo and <paramref name="quantity"/> in stock, published to every channel (or those named) and live there.</summary>
    public async Task<Product> ListedAsync(string sku, int quantity, params string[] on)
    {
        var product = PublishingFixture.New(sku, quantity: quantity);
        // The sandbox PrestaShop shop prices in euros, and the eBay seller lists on eBay.de.
        product.Currency = "EUR";
        await using (var image = new MemoryStream(TestImages.Encode(800, 800)))
            product.Images.Add(await Services.GetRequiredService<ProductImages>().StoreAsync(product.Id, "front.jpg", image, CancellationToken.None));
        Assert.True((await Catalog.SaveAsync(product)).Saved);
        var channels = (on.Length == 0 ? Marketplaces : on).Select(m => Connections[m]).ToList();
        await Publishes.RequestAsync(product.Id, channels, "test");
        await Until(async () => (await Publishes.ListingsAsync(product.Id)).All(l => l.State != ListingState.Publishing), "published");
        var listings = await Publishes.ListingsAsync(product.Id);
        Assert.All(listings, l => Assert.True(l.State == ListingState.Live, $"{l.Marketplace}: {l.State} {l.Message}"));
        return product;
    }

    public async Task<Listing> ListingAsync(Guid productId, string marketplace) =>
        (await Publishes.ListingsAsync(productId)).Single(l => l.ConnectionId == Connections[marketplace]);

    /// <summary>A buyer's order of <paramref name="quantity"/> × <paramref name="sku"/> on the emulator's book.</summary>
    public static SandboxOrder Sell(SandboxOrderBook book, string sku, string listingId, int quantity)
    {
        return book.Place(o =>
        {
            var first = o.Lines[0];
            o.Lines.Clear();
            o.Lines.Add(new SandboxOrderLine { LineId = first.LineId, ProductId = listingId, Sku = sku, Title = "Sold", Quantity = quantity, UnitPrice = 19.90m });
        });
    }

    public Task<SyncOutcome> SyncOrdersAsync(string marketplace) =>
        Services.GetRequiredService<FeedEngine>().SyncAsync(Connections[marketplace], FeedNames.Orders, "test");

    public async Task<int> OnHandAsync(Guid productId) => (await Catalog.FindAsync(productId))!.QuantityOnHand;

    /// <summary>What the marketplace itself says it offers of the SKU now, read back through its publisher.</summary>
    public async Task<int?> ChannelQuantityAsync(string marketplace, string sku)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == Connections[marketplace]);
        var settings = (await db.Set<ChannelSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.ConnectionId == connection.Id))?.Values ?? [];
        var api = await Services.GetRequiredService<ConnectionApis>().OpenAsync(connection, "test", CancellationToken.None);
        var publisher = Services.GetServices<IListingPublisher>().Single(p => p.MarketplaceId == marketplace);
        await foreach (var listing in publisher.ReadAllAsync(api, settings, CancellationToken.None))
        {
            if (listing.Sku == sku) return listing.Quantity;
            if (listing.Variants.FirstOrDefault(v => v.Sku == sku) is { } variant) return variant.Quantity;
        }
        return null;
    }

    public static async Task Until(Func<Task<bool>> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not {what} within {seconds} s");
            await Task.Delay(200);
        }
    }
}
