using System.Globalization;
using Marketplaces.Connections;
using Marketplaces.Sandbox;
using Marketplaces.PrestaShop.Sandbox.Catalog;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// A fake PrestaShop 8 shop at /sandbox/prestashop: the webservice under /api, a page showing a key, and the back
/// office's order page. The shop has one order book, whichever key reads it, as a real shop's orders do not depend
/// on the key; tests reach it through <see cref="Book"/>, <see cref="Histories"/> and <see cref="Keys"/>.
/// </summary>
public sealed class PrestaShopEmulator : ISandboxEmulator, ISandboxKeyIssuer
{
    private readonly PrestaShopSandboxShop _shop;
    private readonly PrestaShopKeyPage _keyPage;
    private readonly PrestaShopWebservice _webservice;
    private readonly SandboxOrderBook _book;
    private readonly PrestaShopProductPage _productPage;

    public PrestaShopEmulator(SandboxGrants grants, SandboxOrderBooks books, PublicUrls urls, TimeProvider clock)
    {
        var shop = _shop = new PrestaShopSandboxShop(urls);
        Keys = new PrestaShopWebserviceKeys(grants);
        _keyPage = new PrestaShopKeyPage(Keys, shop);
        _book = books.For(PrestaShopSandboxShop.Id, PrestaShopSandboxShop.Name, n => n.ToString(CultureInfo.InvariantCulture));
        Histories = new PrestaShopOrderHistories(PrestaShopSandboxShop.Time);

        var rows = new PrestaShopOrderRows(PrestaShopSandboxShop.Time);
        PrestaShopRowSource Of(Func<SandboxOrder, PrestaShopRow> render) => _ => _book.Read(orders => orders.Select(render).ToList());
        var carriers = new PrestaShopResourceTable("order_carriers", "order_carrier", PrestaShopOrderRows.OrderCarrierFields, Of(rows.OrderCarrier), shop);
        var histories = new PrestaShopResourceTable("order_histories", "order_history", PrestaShopOrderHistories.Fields, _ => Histories.Rows(), shop);
        Catalog = new PrestaShopSandboxCatalog(clock);
        var catalogTables = PrestaShopCatalogWrites.Resources.ToDictionary(r => r.Plural, r => new PrestaShopResourceTable(r.Plural, r.Singular, r.Fields, Catalog.Rows(r), shop));
        PrestaShopResourceTable[] resources =
        [
            .. catalogTables.Values,
            PrestaShopCatalogReferenceData.Categories(shop),
            PrestaShopCatalogReferenceData.Languages(shop),
            PrestaShopCatalogReferenceData.TaxRuleGroups(shop),
            new("addresses", "address", PrestaShopOrderRows.AddressFields, Of(rows.Address), shop),
            PrestaShopConfigurations.Table(shop),
            PrestaShopReferenceData.Countries(shop),
            PrestaShopReferenceData.Currencies(shop),
            new("customers", "customer", PrestaShopOrderRows.CustomerFields, Of(rows.Customer), shop),
            carriers,
            histories,
            PrestaShopOrderStates.Table(shop),
            new("orders", "order", PrestaShopOrderRows.OrderFields, query => query is null
                ? _book.Read(orders => orders.Select(rows.Order).ToList())
                : _book.TryRead(query, orders => orders.Select(rows.Order).ToList(), out var read) ? read : null, shop),
            PrestaShopReferenceData.States(shop),
        ];
        _webservice = new PrestaShopWebservice(new PrestaShopWebserviceAuthentication(Keys), Keys, shop, resources,
            new PrestaShopShippingWrites(_book, Histories, carriers, histories, clock), new PrestaShopCatalogWrites(Catalog, catalogTables));
        _productPage = new PrestaShopProductPage(Catalog);
    }

    public string MarketplaceId => PrestaShopSandboxShop.Id;

    public SandboxOrderBook Book() => _book;

    public PrestaShopOrderHistories Histories { get; }

    /// <summary>The shop's products, combinations and stock, for tests.</summary>
    public PrestaShopSandboxCatalog Catalog { get; }

    public PrestaShopWebserviceKeys Keys { get; }

    public async Task<IReadOnlyDictionary<string, string>?> IssueKeysAsync(string? store, CancellationToken ct) =>
        string.Equals(store?.TrimEnd('/'), _shop.ShopUrl, StringComparison.OrdinalIgnoreCase)
            ? new Dictionary<string, string> { [PrestaShopKeyConnector.WebserviceKey] = await Keys.CreateAsync("Marketplaces (connect dialog)", ct) }
            : null;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", _keyPage.ShowAsync);
        routes.MapGet($"/{PrestaShopSandboxShop.AdminFolder}/index.php", (string? controller, string? id_order) =>
            SandboxOrderPage.Render("PrestaShop", controller == "AdminOrders" && id_order is not null ? _book.Find(id_order) : null));
        routes.MapGet("/index.php", _productPage.Show);
        _webservice.Map(routes);
    }
}
