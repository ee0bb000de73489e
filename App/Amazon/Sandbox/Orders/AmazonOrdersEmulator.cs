using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Amazon.Sandbox.Orders;

/// <summary>
/// Amazon orders in the built-in sandbox: Orders API v2026-01-01 searchOrders/getOrder, Orders v0 confirmShipment
/// (still v0-only, amazon.md "Mark shipped") and a stand-in for Seller Central's order page. Each seller's orders are
/// a shared <see cref="SandboxOrderBook"/>; tests and benchmarks reach it through <see cref="Book"/>.
/// </summary>
public sealed class AmazonOrdersEmulator(SandboxOrderBooks books) : ISandboxEmulator
{
    /// <summary>Sellers whose book is open: the order page is reached by order id alone, as Seller Central's is.</summary>
    private readonly ConcurrentDictionary<string, byte> _sellers = new();

    private readonly ConcurrentDictionary<string, byte> _withoutOrdersRole = new();

    public string MarketplaceId => AmazonEmulator.Id;

    public SandboxOrderBook Book(AmazonSandboxAccount seller)
    {
        _sellers.TryAdd(seller.SellingPartnerId, 0);
        return books.For(AmazonEmulator.Id, seller.SellingPartnerId, sequence => OrderId(seller, sequence));
    }

    /// <summary>
    /// Takes the Orders API's role (Inventory and Order Tracking) from the seller's authorization: its orders calls
    /// are then denied as Amazon denies a call the app's roles do not cover.
    /// </summary>
    public void WithdrawOrdersRole(AmazonSandboxAccount seller) => _withoutOrdersRole.TryAdd(seller.SellingPartnerId, 0);

    internal bool HasOrdersRole(AmazonSandboxAccount seller) => !_withoutOrdersRole.ContainsKey(seller.SellingPartnerId);

    public void Map(IEndpointRouteBuilder routes)
    {
        var spApi = ActivatorUtilities.CreateInstance<AmazonSpApi>(routes.ServiceProvider);
        var orders = ActivatorUtilities.CreateInstance<AmazonOrdersEndpoint>(routes.ServiceProvider, spApi, this);
        routes.MapGet("/sp-api/orders/2026-01-01/orders", orders.SearchOrdersAsync);
        routes.MapGet("/sp-api/orders/2026-01-01/orders/{orderId}", orders.GetOrderAsync);
        var shipments = ActivatorUtilities.CreateInstance<AmazonShipmentConfirmationEndpoint>(routes.ServiceProvider, spApi, this);
        routes.MapPost("/sp-api/orders/v0/orders/{orderId}/shipmentConfirmation", shipments.ConfirmShipmentAsync);
        routes.MapGet("/orders-v3/order/{orderId}", SellerCentralPage);
    }

    private IResult SellerCentralPage(string orderId)
    {
        foreach (var seller in _sellers.Keys)
        {
            var book = books.Opened(AmazonEmulator.Id, seller);
            if (book.Find(orderId) is not null) return book.Read(orders => SandboxOrderPage.Render("Amazon", orders.First(o => o.Id == orderId)));
        }
        return SandboxOrderPage.Render("Amazon", null);
    }

    /// <summary>Amazon order ids are 3-7-7 digits (e.g. 113-4567890-1234567); these derive from the seller and the sequence.</summary>
    public static string OrderId(AmazonSandboxAccount seller, int sequence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"amazon-order:{seller.SellingPartnerId}:{sequence}"));
        var digits = string.Concat(hash.Take(16).Select(b => (char)('0' + b % 10)));
        return $"1{digits[..2]}-{digits[2..9]}-{digits[9..16]}";
    }
}
