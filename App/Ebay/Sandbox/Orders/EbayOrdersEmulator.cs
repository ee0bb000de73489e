using Marketplaces.Sandbox;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// eBay's Sell Fulfillment API orders in the built-in sandbox, under the REST host (<c>{sandbox}/ebay/api</c>).
/// The emulator owns the sellers' order books; tests reach them through <see cref="Orders"/>.
/// </summary>
public sealed class EbayOrdersEmulator(TimeProvider clock) : ISandboxEmulator
{
    public string MarketplaceId => EbayEmulator.Id;

    public EbaySandboxOrders Orders { get; } = new(clock);

    public void Map(IEndpointRouteBuilder routes)
    {
        var caller = ActivatorUtilities.CreateInstance<EbayRestApi>(routes.ServiceProvider);
        var endpoint = ActivatorUtilities.CreateInstance<EbayOrdersEndpoint>(routes.ServiceProvider, caller, Orders);
        routes.MapGet("/api/sell/fulfillment/v1/order", endpoint.GetOrdersAsync);
        routes.MapGet("/api/sell/fulfillment/v1/order/{orderId}", endpoint.GetOrderAsync);
    }
}
