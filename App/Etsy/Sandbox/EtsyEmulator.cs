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

    public string MarketplaceId => EtsySandboxRules.Id;

    /// <summary>The receipts of the shop of the sandbox account named on the consent page.</summary>
    public SandboxOrderBook Book(string sandboxAccount) => _receipts.For(EtsySandboxAccount.From(sandboxAccount).ShopId);

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
    }
}
