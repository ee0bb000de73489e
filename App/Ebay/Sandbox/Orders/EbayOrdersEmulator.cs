using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// eBay's Sell Fulfillment API orders and shipping fulfillments in the built-in sandbox, under the REST host
/// (<c>{sandbox}/ebay/api</c>), and Seller Hub's order page (<c>{sandbox}/ebay/sh/ord/details?orderid=</c>). Each
/// seller's orders are a shared <see cref="SandboxOrderBook"/>; tests and benchmarks reach it through <see cref="Book"/>.
/// </summary>
public sealed class EbayOrdersEmulator(SandboxOrderBooks books) : ISandboxEmulator
{
    private readonly ConcurrentDictionary<string, SandboxOrderBook> _opened = new(StringComparer.Ordinal);

    public string MarketplaceId => EbayEmulator.Id;

    /// <summary>The seller's orders, opened with the seeded ones on first use.</summary>
    public SandboxOrderBook Book(EbaySandboxAccount seller) =>
        _opened.GetOrAdd(seller.UserId, userId => books.For(EbayEmulator.Id, userId, sequence => OrderId(userId, sequence)));

    /// <summary>
    /// eBay's order id shape (<c>12-34567-00001</c>, the contract's example <c>01-03955-36441</c>): two groups from the
    /// seller, then the seller's order number, so the id alone finds its seller's book.
    /// </summary>
    public static string OrderId(string userId, int sequence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ebay-order-prefix:{userId}"));
        return $"{hash[0] % 90 + 10}-{BitConverter.ToUInt32(hash, 1) % 100000:00000}-{sequence:00000}";
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        var caller = ActivatorUtilities.CreateInstance<EbayRestApi>(routes.ServiceProvider);
        var orders = ActivatorUtilities.CreateInstance<EbayOrdersEndpoint>(routes.ServiceProvider, caller, this);
        routes.MapGet("/api/sell/fulfillment/v1/order", orders.GetOrdersAsync);
        routes.MapGet("/api/sell/fulfillment/v1/order/{orderId}", orders.GetOrderAsync);

        var fulfillments = ActivatorUtilities.CreateInstance<EbayShippingFulfillmentEndpoint>(routes.ServiceProvider, caller, this);
        routes.MapPost("/api/sell/fulfillment/v1/order/{orderId}/shipping_fulfillment", fulfillments.CreateAsync);
        routes.MapGet("/api/sell/fulfillment/v1/order/{orderId}/shipping_fulfillment", fulfillments.ListAsync);
        routes.MapGet("/api/sell/fulfillment/v1/order/{orderId}/shipping_fulfillment/{fulfillmentId}", fulfillments.GetAsync);

        routes.MapGet("/sh/ord/details", (string? orderid) => OrderPage(orderid ?? ""));
    }

    /// <summary>The order page has no token to say whose order it is: it looks in every seller's book.</summary>
    private IResult OrderPage(string orderId) =>
        _opened.Values.Select(b => b.Read(all => all.FirstOrDefault(o => o.Id == orderId) is { } order ? SandboxOrderPage.Render("eBay", order) : null))
            .FirstOrDefault(page => page is not null) ?? SandboxOrderPage.Render("eBay", null);
}
