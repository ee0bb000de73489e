using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>A shop's orders: Shopify's account is the shop, so the book is the shop domain's, whoever connects it.</summary>
internal static class ShopifySandboxOrders
{
    public static SandboxOrderBook Book(SandboxOrderBooks books, string shop) => books.For(ShopifySandbox.Id, shop, ShopifyOrderJson.IdOf);
}
