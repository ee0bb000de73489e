using Marketplaces.Sandbox;

namespace Marketplaces.Amazon.Sandbox.Listings;

/// <summary>
/// Amazon's listing side in the built-in sandbox: Listings Items 2021-08-01 and Product Type Definitions 2020-09-01
/// under /sp-api, the product type schemas their definitions link to, and the product page an ASIN opens (/dp/{asin}).
/// </summary>
public sealed class AmazonListingsEmulator : ISandboxEmulator
{
    private readonly AmazonSandboxListings _listings = new();

    public string MarketplaceId => AmazonEmulator.Id;

    /// <summary>A seller's listings items, for tests.</summary>
    internal AmazonSandboxSellerListings Seller(string sandboxAccount) => _listings.Seller(AmazonSandboxAccount.FromName(sandboxAccount).SellingPartnerId);

    public void Map(IEndpointRouteBuilder routes)
    {
        var spApi = ActivatorUtilities.CreateInstance<AmazonSpApi>(routes.ServiceProvider);
        var items = ActivatorUtilities.CreateInstance<AmazonListingsEndpoints>(routes.ServiceProvider, spApi, _listings);
        const string listings = "/sp-api/listings/2021-08-01/items/{sellerId}";
        routes.MapGet(listings, items.SearchAsync);
        routes.MapPut(listings + "/{sku}", items.PutAsync);
        routes.MapPatch(listings + "/{sku}", items.PatchAsync);
        routes.MapGet(listings + "/{sku}", items.GetAsync);
        routes.MapDelete(listings + "/{sku}", items.DeleteAsync);
        routes.MapGet("/dp/{asin}", items.Page);

        var definitions = new AmazonDefinitionsEndpoints(spApi);
        routes.MapGet("/sp-api/definitions/2020-09-01/productTypes", definitions.SearchAsync);
        routes.MapGet("/sp-api/definitions/2020-09-01/productTypes/{productType}", definitions.GetAsync);
        routes.MapGet("/schemas/{file}", definitions.Schema);
    }
}
