using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Sandbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.WooCommerce.Sandbox;

/// <summary>A fake WordPress + WooCommerce store at /sandbox/woocommerce: key handshake, REST API, manual keys page.</summary>
public sealed class WooCommerceEmulator : ISandboxEmulator
{
    private readonly WooCommerceManualKeysPage _manualKeys;
    private readonly WooCommerceAuthorizeEndpoint _authorize;
    private readonly WooCommerceRestEndpoints _rest;

    public WooCommerceEmulator(IDbContextFactory<AppDbContext> contexts, SandboxGrants grants, SandboxJournal journal,
        IDataProtectionProvider protection, IHttpClientFactory http, PublicUrls urls, TimeProvider clock)
    {
        var store = new WooCommerceSandboxStore(urls);
        var keys = new WooCommerceApiKeys(grants, protection);
        _manualKeys = new WooCommerceManualKeysPage(keys, store);
        _authorize = new WooCommerceAuthorizeEndpoint(keys, journal, http, clock);
        _rest = new WooCommerceRestEndpoints(new WooCommerceRestAuthentication(keys, store, clock), store);
    }

    public string MarketplaceId => WooCommerceSandboxStore.Id;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", _manualKeys.ShowAsync);
        routes.MapGet("/wc-auth/v1/authorize", _authorize.Show);
        routes.MapPost("/wc-auth/v1/authorize", _authorize.DecideAsync);
        _rest.Map(routes);
    }
}
