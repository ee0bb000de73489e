using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Sandbox;
using Marketplaces.WooCommerce.Sandbox;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>A fake PrestaShop 8 shop at /sandbox/prestashop: the webservice under /api and a page showing a key.</summary>
public sealed class PrestaShopEmulator : ISandboxEmulator
{
    private readonly PrestaShopKeyPage _keyPage;
    private readonly PrestaShopWebservice _webservice;

    public PrestaShopEmulator(IDbContextFactory<AppDbContext> contexts, SandboxGrants grants, SandboxJournal journal, PublicUrls urls, TimeProvider clock)
    {
        var shop = new PrestaShopSandboxShop(urls);
        var keys = new PrestaShopWebserviceKeys(grants);
        _keyPage = new PrestaShopKeyPage(keys, shop);
        _webservice = new PrestaShopWebservice(new PrestaShopWebserviceAuthentication(keys), shop);
    }

    public string MarketplaceId => PrestaShopSandboxShop.Id;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", _keyPage.ShowAsync);
        _webservice.Map(routes);
    }
}
