using System.Globalization;

namespace Marketplaces.Shopify.Orders;

/// <summary>
/// The <c>orders</c> query of fact sheet §5.5, sized to Shopify's cost rules (§6): an order costs 1 point, each
/// object under it 1 and a connection 2 plus its <c>first</c> times the cost of one node, and no query may ask for
/// more than 1,000. With <see cref="LinesPerOrder"/> lines an order asks for 4 + 2 + 3 × 10 = 36 points, so a page
/// holds at most <see cref="MaxPageSize"/> orders (902 points); the few orders with more lines are completed by
/// <see cref="MoreLines"/>.
/// </summary>
public static class ShopifyOrdersQuery
{
    public const int MaxPageSize = 25;
    public const int LinesPerOrder = 10;

    /// <summary>A follow-up page of one order's lines asks for 1 + 2 + 3 × 100 = 303 points.</summary>
    public const int MoreLinesPerPage = 100;

    private const string LineFields = "id sku title quantity originalUnitPriceSet { shopMoney { amount currencyCode } }";

    public static readonly string Orders = $$"""
        query Orders($first: Int!, $after: String, $query: String!) {
          orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id name createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus
              totalPriceSet { shopMoney { amount currencyCode } }
              shippingAddress { name address1 address2 city provinceCode zip countryCodeV2 phone }
              lineItems(first: {{LinesPerOrder}}) { pageInfo { hasNextPage endCursor } nodes { {{LineFields}} } }
            }
          }
        }
        """;

    public static readonly string MoreLines = $$"""
        query OrderLines($id: ID!, $after: String) {
          order(id: $id) {
            lineItems(first: {{MoreLinesPerPage}}, after: $after) { pageInfo { hasNextPage endCursor } nodes { {{LineFields}} } }
          }
        }
        """;

    /// <summary>
    /// Shopify's search syntax on <c>updated_at</c>; the time in whole seconds (Shopify keeps no more), rounded down
    /// so that nothing changed in the same second is missed.
    /// </summary>
    public static string UpdatedSince(DateTimeOffset since) =>
        $"updated_at:>='{since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}'";

    public static object Variables(int pageSize, DateTimeOffset since, string? after) =>
        new { first = Math.Clamp(pageSize, 1, MaxPageSize), after, query = UpdatedSince(since) };
}
