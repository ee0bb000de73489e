using Marketplaces.Sandbox;

namespace Marketplaces.Ebay.Sandbox;

/// <summary>
/// eBay as the built-in sandbox serves it: the consent page (auth.ebay.com), the Identity token endpoint
/// (api.ebay.com) and the REST APIs, with the apiz host's Commerce Identity API under /apiz. Written from
/// shared/marketplaces/ebay.md, not from the catalog.
/// </summary>
public sealed class EbayEmulator : ISandboxEmulator
{
    public const string Id = "ebay";

    public string MarketplaceId => Id;

    public void Map(IEndpointRouteBuilder routes)
    {
        var consent = ActivatorUtilities.CreateInstance<EbayConsentEndpoint>(routes.ServiceProvider);
        routes.MapGet("/oauth2/authorize", consent.ShowAsync);
        routes.MapPost("/oauth2/authorize", consent.DecideAsync);

        var token = ActivatorUtilities.CreateInstance<EbayTokenEndpoint>(routes.ServiceProvider);
        // On the REST API's own host, as api.sandbox.ebay.com serves both: a client rewrites one base URL, not two.
        routes.MapPost("/api/identity/v1/oauth2/token", token.HandleAsync);

        var caller = ActivatorUtilities.CreateInstance<EbayRestApi>(routes.ServiceProvider);
        var apiz = routes.MapGroup("/apiz");
        var identity = ActivatorUtilities.CreateInstance<EbayIdentityEndpoint>(routes.ServiceProvider, caller);
        apiz.MapGet("/commerce/identity/v1/user/", identity.GetUserAsync);
    }
}
