using Marketplaces.Connections;
using Marketplaces.Etsy.Sandbox.Orders;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Etsy.Sandbox;

/// <summary>
/// Local emulator of Etsy: the consent page at www.etsy.com/oauth/connect, the token endpoint at
/// api.etsy.com/v3/public/oauth/token, the Open API v3 under <c>/openapi/v3/application</c> and the seller's order
/// page at www.etsy.com/your/orders/sold.
/// </summary>
public sealed class EtsyEmulator(
    SandboxApps apps, SandboxGrants grants, SandboxJournal journal, SandboxOptions options, PublicUrls urls, SandboxOrderBooks orderBooks, TimeProvider clock)
    : ISandboxEmulator
{
    private readonly EtsyReceiptBooks _receipts = new(orderBooks);
    private readonly Listings.EtsySandboxListings _listings = new();

    public string MarketplaceId => EtsySandboxRules.Id;

    /// <summary>The receipts of the shop of the sandbox account named on the consent page.</summary>
    public SandboxOrderBook Book(string sandboxAccount) => _receipts.For(EtsySandboxAccount.From(sandboxAccount).ShopId);

    /// <summary>The listings of the sandbox account's shop, for tests.</summary>
    internal Listings.EtsySandboxShopListings Listings(string sandboxAccount) => _listings.Shop(EtsySandboxAccount.From(sandboxAccount).ShopId);

    public void Map(IEndpointRouteBuilder routes)
    {
        var connect = new EtsyConnectEndpoint(apps, grants, journal, options, urls);
        routes.MapGet("/oauth/connect", connect.ShowAsync);
        routes.MapPost("/oauth/connect", connect.DecideAsync);
        routes.MapPost("/v3/public/oauth/token", new EtsyTokenEndpoint(apps, grants, journal, options).HandleAsync);

        var gate = new EtsyApiGate(apps, grants);
        var api = routes.MapGroup("/openapi/v3/application");
        var users = new EtsyUserEndpoints(gate, grants);
        api.MapGet("/users/me", users.MeAsync);
        api.MapGet("/shops/{shop_id}", users.ShopAsync);

        var receipts = new EtsyReceiptEndpoints(gate, _receipts);
        api.MapGet("/shops/{shop_id}/receipts", receipts.GetReceiptsAsync);
        api.MapGet("/shops/{shop_id}/receipts/{receipt_id}", receipts.GetReceiptAsync);
        api.MapPost("/shops/{shop_id}/receipts/{receipt_id}/tracking", new EtsyTrackingEndpoint(gate, _receipts, clock).CreateShipmentAsync);
        routes.MapGet("/your/orders/sold", receipts.OrderPage);

        var listings = new Listings.EtsyListingEndpoints(gate, _listings, clock);
        api.MapPost("/shops/{shop_id}/listings", listings.CreateAsync);
        api.MapGet("/shops/{shop_id}/listings", listings.ListAsync);
        api.MapPatch("/shops/{shop_id}/listings/{listing_id:long}", listings.UpdateAsync);
        api.MapGet("/listings/{listing_id:long}", listings.GetAsync);
        routes.MapGet("/listing/{listing_id:long}", listings.Page);
        var images = new Listings.EtsyListingImageEndpoints(gate, _listings, clock);
        api.MapPost("/shops/{shop_id}/listings/{listing_id:long}/images", images.UploadAsync);
        api.MapDelete("/shops/{shop_id}/listings/{listing_id:long}/images/{listing_image_id:long}", images.DeleteAsync);
        var inventory = new Listings.EtsyInventoryEndpoints(gate, _listings);
        api.MapGet("/listings/{listing_id:long}/inventory", inventory.GetAsync);
        api.MapPut("/listings/{listing_id:long}/inventory", inventory.UpdateAsync);
        var profiles = new Listings.EtsyShopProfileEndpoints(gate, _listings);
        api.MapGet("/shops/{shop_id}/shipping-profiles", profiles.ShippingProfilesAsync);
        api.MapGet("/shops/{shop_id}/policies/return", profiles.ReturnPoliciesAsync);
        api.MapGet("/shops/{shop_id}/readiness-state-definitions", profiles.ReadinessStatesAsync);
        api.MapGet("/seller-taxonomy/nodes", profiles.TaxonomyAsync);
    }
}
