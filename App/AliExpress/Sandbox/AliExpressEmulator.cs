using Marketplaces.AliExpress.Sandbox.Dropship;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Webhooks;

namespace Marketplaces.AliExpress.Sandbox;

/// <summary>The AliExpress IOP gateway under /sandbox/aliexpress, with the real gateway's paths.</summary>
public sealed class AliExpressEmulator : ISandboxEmulator
{
    public string MarketplaceId => AliExpressSandbox.Id;

    /// <summary>The dropship catalogue its business APIs serve; tests change a supplier's prices and stock here.</summary>
    public AliExpressSandboxCatalogue Catalogue { get; } = new();

    /// <summary>The sandbox buyer's orders; tests pay and ship them here.</summary>
    public SandboxDsOrders Orders { get; }

    /// <summary>Order-status pushes to the callback URL a seller registers by hand, so tests name it.</summary>
    public AliExpressSandboxPushes Pushes { get; }

    private readonly TimeProvider _clock;

    public AliExpressEmulator(TimeProvider clock, SandboxWebhookSender sender) =>
        (_clock, Orders, Pushes) = (clock, new SandboxDsOrders(clock), new AliExpressSandboxPushes(sender, clock));

    public void Map(IEndpointRouteBuilder routes)
    {
        var authorize = ActivatorUtilities.CreateInstance<AliExpressAuthorizeEndpoint>(routes.ServiceProvider);
        var tokens = ActivatorUtilities.CreateInstance<AliExpressTokenEndpoint>(routes.ServiceProvider);
        var gateway = ActivatorUtilities.CreateInstance<AliExpressSyncGateway>(routes.ServiceProvider, new SandboxDsProductApis(Catalogue), new SandboxDsFeedApis(Catalogue, _clock), new SandboxDsOrderApis(Catalogue, Orders));
        routes.MapGet("/oauth/authorize", authorize.ShowAsync);
        routes.MapPost("/oauth/authorize", authorize.DecideAsync);
        routes.MapPost("/rest" + IopTokenProtocol.CreateTokenPath, tokens.CreateAsync);
        routes.MapPost("/rest" + IopTokenProtocol.RefreshTokenPath, tokens.RefreshAsync);
        routes.MapMethods("/sync", [HttpMethods.Get, HttpMethods.Post], gateway.HandleAsync);
        var images = new SandboxDsImages(Catalogue);
        routes.MapGet("/images/{name}", (string name) => images.Serve(name));
    }
}
