using System.Collections.Concurrent;
using System.Globalization;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.WooCommerce.Sandbox.Orders;

/// <summary>The network's sites, opened on first use, each with its order book (one seller per site).</summary>
public sealed class WooCommerceSandboxSites
{
    private readonly ConcurrentDictionary<string, WooCommerceSandboxSite> _sites = new();
    private readonly SandboxOrderBooks _books;
    private readonly bool _shipmentTracking;

    public WooCommerceSandboxSites(SandboxOrderBooks books, bool shipmentTracking)
    {
        (_books, _shipmentTracking) = (books, shipmentTracking);
        // A sale reduces the stock of the managed product or variation with its SKU, as WooCommerce does.
        books.OnSale(WooCommerceSandboxStore.Id, (seller, order) =>
        {
            if (_sites.TryGetValue(seller == MainSeller ? "" : seller, out var site)) site.Products.Sell(order.Lines);
        });
    }

    private const string MainSeller = "main";

    /// <param name="site">"" for the main site.</param>
    public WooCommerceSandboxSite For(string site) =>
        _sites.GetOrAdd(site, name => new WooCommerceSandboxSite(_books.For(WooCommerceSandboxStore.Id, Seller(name), OrderId), _shipmentTracking));

    /// <summary>The seller whose book a site's orders are: the site's name, "main" for the main site.</summary>
    public static string Seller(string site) => site.Length == 0 ? MainSeller : site;

    /// <summary>Order ids are post ids, which other posts (products, pages) share: they grow in steps.</summary>
    public static string OrderId(int sequence) => (720 + sequence * 3).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// One store: its orders (the shared book) and what WooCommerce keeps beside an order (notes, meta, tracking items,
/// statuses the book has no word for), and whether the Shipment Tracking extension is active.
/// </summary>
public sealed class WooCommerceSandboxSite(SandboxOrderBook book, bool shipmentTracking)
{
    private readonly ConcurrentDictionary<string, WooCommerceOrderExtras> _extras = new();
    private long _lastId = 1200;

    public SandboxOrderBook Book => book;

    public Listings.WooCommerceSandboxProducts Products { get; } = new();

    /// <summary>The Shipment Tracking extension is active (its wc-shipment-tracking/v3 routes exist). Default: <c>Sandbox:WooCommerce:ShipmentTracking</c>.</summary>
    public bool ShipmentTracking { get; set; } = shipmentTracking;

    public WooCommerceOrderExtras Extras(string orderId) => _extras.GetOrAdd(orderId, _ => new WooCommerceOrderExtras());

    /// <summary>Comment and meta ids share WordPress's counters, so one sequence serves both.</summary>
    public long NextId() => Interlocked.Increment(ref _lastId);
}
