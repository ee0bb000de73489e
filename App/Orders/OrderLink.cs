using Marketplaces.Connections;

namespace Marketplaces.Orders;

/// <summary>The order's page on its marketplace, from the catalog's <c>order</c> URL of the environment (with <c>{orderId}</c>).</summary>
public static class OrderLink
{
    public const string UrlName = "order";

    public static string? For(ResolvedEndpoints endpoints, Order order) =>
        endpoints.Urls.TryGetValue(UrlName, out var template) ? template.Replace("{orderId}", Uri.EscapeDataString(order.ExternalId), StringComparison.Ordinal) : null;
}
