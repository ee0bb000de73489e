using Marketplaces.Sandbox;

namespace Marketplaces.Amazon.Sandbox;

/// <summary>
/// Amazon as the built-in sandbox serves it: Seller Central's consent page, the Login with Amazon token endpoint
/// and the Selling Partner API under /sp-api. Written from shared/marketplaces/amazon.md, not from the catalog.
/// </summary>
public sealed class AmazonEmulator : ISandboxEmulator
{
    public const string Id = "amazon";

    public string MarketplaceId => Id;

    public void Map(IEndpointRouteBuilder routes)
    {
        var consent = ActivatorUtilities.CreateInstance<AmazonConsentEndpoint>(routes.ServiceProvider);
        routes.MapGet("/apps/authorize/consent", consent.ShowAsync);
        routes.MapPost("/apps/authorize/consent", consent.DecideAsync);

        var token = ActivatorUtilities.CreateInstance<AmazonTokenEndpoint>(routes.ServiceProvider);
        routes.MapPost("/auth/o2/token", token.HandleAsync);

        var spApi = routes.MapGroup("/sp-api");
        var caller = ActivatorUtilities.CreateInstance<AmazonSpApi>(routes.ServiceProvider);
        var sellers = ActivatorUtilities.CreateInstance<AmazonSellersEndpoint>(routes.ServiceProvider, caller);
        spApi.MapGet("/sellers/v1/marketplaceParticipations", sellers.MarketplaceParticipationsAsync);
        // Below every emulated operation (a catch-all has the lowest precedence): an SP-API operation the sandbox does
        // not emulate is said in SP-API's error shape, after the token check Amazon makes first, never as a bare 401.
        spApi.Map("/{**operation}", async (HttpRequest request, CancellationToken ct) =>
            (await caller.AuthorizeAsync(request, ct)).Refusal ?? AmazonSpApi.NotEmulated(request));
    }
}
