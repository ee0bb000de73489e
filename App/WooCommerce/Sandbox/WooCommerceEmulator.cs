using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;
using Marketplaces.Sandbox.Webhooks;
using Marketplaces.WooCommerce.Sandbox.Webhooks;
using Marketplaces.WooCommerce.Sandbox.Orders;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>
/// A fake WordPress + WooCommerce multisite at /sandbox/woocommerce: the main site there and sub-directory sites at
/// /sandbox/woocommerce/{site}, each with the key handshake, the REST API (orders, notes, and the Shipment Tracking
/// extension where active) and a manual keys page. <c>Sandbox:WooCommerce:ShipmentTracking</c> (default false)
/// activates the extension on every site; <see cref="Site"/> changes it for one.
/// </summary>
public sealed class WooCommerceEmulator : ISandboxEmulator, ISandboxKeyIssuer
{
    private readonly WooCommerceSandboxStore _store;
    private readonly WooCommerceApiKeys _keys;
    private readonly WooCommerceSandboxSites _sites;
    private readonly WooCommerceManualKeysPage _manualKeys;
    private readonly WooCommerceAuthorizeEndpoint _authorize;
    private readonly WooCommerceRestEndpoints _rest;
    private readonly WooCommerceOrdersEndpoints _orders;
    private readonly WooCommerceShipmentTrackingEndpoints _tracking;
    private readonly Listings.WooCommerceProductsEndpoints _products;
    private readonly WooCommerceWebhooksEndpoints _webhookRoutes;

    public WooCommerceEmulator(SandboxGrants grants, SandboxJournal journal, SandboxOrderBooks books, IConfiguration configuration,
        IDataProtectionProvider protection, IHttpClientFactory http, PublicUrls urls, SandboxWebhooks hooks, SandboxWebhookSender sender, TimeProvider clock)
    {
        var store = _store = new WooCommerceSandboxStore(urls);
        var keys = _keys = new WooCommerceApiKeys(grants, protection);
        var authentication = new WooCommerceRestAuthentication(keys, store, clock);
        _sites = new WooCommerceSandboxSites(books, configuration.GetValue("Sandbox:WooCommerce:ShipmentTracking", false));
        var callers = new WooCommerceRestCallers(authentication, store, _sites);
        _manualKeys = new WooCommerceManualKeysPage(keys, store);
        _authorize = new WooCommerceAuthorizeEndpoint(keys, journal, http, clock);
        _rest = new WooCommerceRestEndpoints(authentication, store, _sites);
        _orders = new WooCommerceOrdersEndpoints(callers, clock);
        _tracking = new WooCommerceShipmentTrackingEndpoints(callers, clock);
        _products = new Listings.WooCommerceProductsEndpoints(callers, http, journal, clock);
        Webhooks = new WooCommerceSandboxWebhooks(hooks, sender, store, _sites);
        _webhookRoutes = new WooCommerceWebhooksEndpoints(callers, hooks, Webhooks);
        books.OnChange(WooCommerceSandboxStore.Id, Webhooks.Changed);
    }

    /// <summary>The network's webhooks and their deliveries, for tests (forged deliveries included).</summary>
    public WooCommerceSandboxWebhooks Webhooks { get; }

    public string MarketplaceId => WooCommerceSandboxStore.Id;

    /// <summary>A site of the network ("" for the main site): its order book and its Shipment Tracking switch.</summary>
    public WooCommerceSandboxSite Site(string site = "") => _sites.For(site);

    public SandboxOrderBook Book(string site = "") => Site(site).Book;

    public async Task<IReadOnlyDictionary<string, string>?> IssueKeysAsync(string? store, CancellationToken ct)
    {
        if (_store.SiteAt(store) is not { } site) return null;
        var issued = await _keys.CreateAsync(site, "shop-manager", "read_write", "Marketplaces (connect dialog)", ct);
        return new Dictionary<string, string>
        {
            [WooCommerceKeyConnector.ConsumerKey] = issued.ConsumerKey,
            [WooCommerceKeyConnector.ConsumerSecret] = issued.ConsumerSecret,
        };
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        MapSite(routes);
        var subSite = routes.MapGroup($"/{{{WooCommerceSandboxStore.SiteRoute}}}");
        subSite.AddEndpointFilter((context, next) =>
            WooCommerceSandboxStore.IsSiteName(WooCommerceSandboxStore.SiteOf(context.HttpContext.Request))
                ? next(context)
                : ValueTask.FromResult<object?>(WooCommerceErrors.NoRoute()));
        MapSite(subSite);
    }

    private void MapSite(IEndpointRouteBuilder site)
    {
        site.MapGet("/", _manualKeys.ShowAsync);
        site.MapGet("/wc-auth/v1/authorize", _authorize.Show);
        site.MapPost("/wc-auth/v1/authorize", _authorize.DecideAsync);
        _rest.Map(site);
        _orders.Map(site);
        _tracking.Map(site);
        _products.Map(site);
        _webhookRoutes.Map(site);
        site.Map("/wp-json/{**route}", WooCommerceErrors.NoRoute);
    }
}
