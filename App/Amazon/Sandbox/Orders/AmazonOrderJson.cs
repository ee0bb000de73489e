using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Amazon.Sandbox.Orders;

/// <summary>
/// A sandbox order as Orders API v2026-01-01's <c>Order</c> (specs/amazon/orders_2026-01-01.json): camelCase, money as
/// <c>{amount: "12.50", currencyCode}</c>, times ISO 8601 to the second as the model's examples, and only the datasets
/// the caller named in <c>includedData</c> beside the always-present id, times, sales channel and items.
/// </summary>
internal static class AmazonOrderJson
{
    /// <summary>Absent datasets and empty address parts are left out, as Amazon leaves them out.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static readonly IReadOnlySet<string> Datasets = new HashSet<string>(StringComparer.Ordinal)
    {
        "BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS",
    };

    /// <summary>The sandbox sells in the marketplace of the order's currency (amazon.com unless CAD).</summary>
    public static AmazonMarketplace Marketplace(SandboxOrder order) =>
        AmazonSandboxAccount.Marketplaces.FirstOrDefault(m => m.DefaultCurrencyCode == order.Currency) ?? AmazonSandboxAccount.Marketplaces[0];

    /// <summary>FulfillmentStatus of the model.</summary>
    public static string FulfillmentStatus(SandboxOrder order) => order.Status switch
    {
        SandboxOrderStatus.PartiallyShipped => "PARTIALLY_SHIPPED",
        SandboxOrderStatus.Shipped => "SHIPPED",
        SandboxOrderStatus.Cancelled => "CANCELLED",
        _ => "UNSHIPPED",
    };

    /// <summary>Units of the line already shipped; a seeded order that starts shipped has shipped everything.</summary>
    public static int Shipped(SandboxOrder order, SandboxOrderLine line) =>
        order.Status == SandboxOrderStatus.Shipped && order.Shipments.Count == 0 ? line.Quantity : order.ShippedQuantity(line);

    public static object Render(SandboxOrder order, IReadOnlySet<string> included)
    {
        var marketplace = Marketplace(order);
        var currency = order.Currency;
        return new
        {
            orderId = order.Id,
            createdTime = Time(order.CreatedAt),
            lastUpdatedTime = Time(order.ModifiedAt),
            salesChannel = new { channelName = "AMAZON", marketplaceId = marketplace.Id, marketplaceName = marketplace.Name },
            buyer = included.Contains("BUYER")
                ? new { buyerName = order.BuyerName, buyerEmail = $"{AnonymousMailbox(order)}@marketplace.{marketplace.DomainName[4..]}" }
                : null,
            recipient = included.Contains("RECIPIENT") ? new { deliveryAddress = Address(order.ShipTo) } : null,
            proceeds = included.Contains("PROCEEDS")
                ? new
                {
                    grandTotal = Money(order.Total, currency),
                    breakdowns = new[]
                    {
                        new { type = "ITEM", subtotal = Money(order.Subtotal, currency) },
                        new { type = "SHIPPING", subtotal = Money(order.ShippingCost, currency) },
                    },
                }
                : null,
            fulfillment = included.Contains("FULFILLMENT")
                ? new
                {
                    fulfillmentStatus = FulfillmentStatus(order),
                    fulfilledBy = "MERCHANT",
                    fulfillmentServiceLevel = "STANDARD",
                    shipByWindow = new { earliestDateTime = Time(order.CreatedAt), latestDateTime = Time(order.CreatedAt.AddDays(2)) },
                }
                : null,
            orderItems = order.Lines.Select(line => new
            {
                orderItemId = line.LineId,
                quantityOrdered = line.Quantity,
                product = new
                {
                    asin = $"B{line.ProductId}",
                    title = line.Title,
                    sellerSku = line.Sku,
                    condition = new { conditionType = "NEW", conditionSubtype = "NEW" },
                    price = new { unitPrice = Money(line.UnitPrice, currency) },
                },
                proceeds = included.Contains("PROCEEDS")
                    ? new
                    {
                        proceedsTotal = Money(line.UnitPrice * line.Quantity, currency),
                        breakdowns = new[] { new { type = "ITEM", subtotal = Money(line.UnitPrice * line.Quantity, currency) } },
                    }
                    : null,
                fulfillment = included.Contains("FULFILLMENT")
                    ? new { quantityFulfilled = Shipped(order, line), quantityUnfulfilled = line.Quantity - Shipped(order, line) }
                    : null,
            }).ToArray(),
            packages = included.Contains("PACKAGES")
                ? order.Shipments.Select(shipment => new
                {
                    packageReferenceId = shipment.Id,
                    createdTime = Time(shipment.ShippedAt),
                    packageStatus = new { status = "SHIPPED" },
                    carrier = shipment.Carrier,
                    shipTime = Time(shipment.ShippedAt),
                    trackingNumber = shipment.TrackingNumber,
                    packageItems = shipment.Lines.Select(l => new { orderItemId = l.LineId, quantity = l.Quantity }).ToArray(),
                }).ToArray()
                : null,
        };
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static object Money(decimal amount, string currency) =>
        new { amount = amount.ToString("0.00", CultureInfo.InvariantCulture), currencyCode = currency };

    private static object Address(SandboxAddress address) => new
    {
        name = address.Name,
        addressLine1 = address.Line1,
        city = address.City,
        stateOrRegion = NullIfEmpty(address.Region),
        postalCode = address.PostalCode,
        countryCode = address.CountryCode,
        phone = NullIfEmpty(address.Phone),
        addressType = "RESIDENTIAL",
    };

    /// <summary>Amazon relays buyer mail through an anonymized address (Buyer.buyerEmail).</summary>
    private static string AnonymousMailbox(SandboxOrder order) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(order.BuyerEmail)))[..16];

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
