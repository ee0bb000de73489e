using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// A sandbox order as a full Admin API <c>Order</c> object with every field <see cref="ShopifySchema"/> lists, which
/// the query's selection is then projected from: gids, <c>"#1001"</c> names, second-precision UTC DateTimes, money
/// as MoneyBags of decimal strings, one fulfillment order per order holding every line, and a fulfillment per shipment.
/// </summary>
internal static class ShopifyOrderJson
{
    /// <summary>Shopify order numbers start at 1001 and its numeric ids are 13 digits.</summary>
    public static string IdOf(int sequence) => (5_100_000_000_000L + sequence).ToString(CultureInfo.InvariantCulture);

    public static string Name(SandboxOrder order) => $"#{1000 + order.Sequence}";

    /// <summary>Shopify's DateTime: UTC, whole seconds.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seeded orders marked shipped carry no shipment records: nothing is left of them either.</summary>
    public static int Remaining(SandboxOrder order, SandboxOrderLine line) =>
        order.Status == SandboxOrderStatus.Shipped ? 0 : line.Quantity - order.ShippedQuantity(line);

    public static string FulfillmentOrderStatus(SandboxOrder order) =>
        order.Status == SandboxOrderStatus.Cancelled ? "CANCELLED"
        : order.Lines.All(l => Remaining(order, l) == 0) ? "CLOSED"
        : order.Lines.Any(l => Remaining(order, l) < l.Quantity) ? "IN_PROGRESS"
        : "OPEN";

    /// <summary>The countries the seed ships to (the app runs with invariant globalization: no RegionInfo).</summary>
    private static readonly Dictionary<string, string> Countries = new() { ["US"] = "United States", ["GB"] = "United Kingdom", ["DE"] = "Germany" };

    public static JsonObject Order(SandboxOrder order) => new()
    {
        ["id"] = ShopifyGid.Of("Order", order.Id),
        ["legacyResourceId"] = order.Id,
        ["name"] = Name(order),
        ["email"] = order.BuyerEmail,
        ["createdAt"] = Time(order.CreatedAt),
        ["updatedAt"] = Time(order.ModifiedAt),
        ["cancelledAt"] = order.Status == SandboxOrderStatus.Cancelled ? Time(order.ModifiedAt) : null,
        ["closed"] = order.Status is SandboxOrderStatus.Shipped or SandboxOrderStatus.Cancelled,
        ["currencyCode"] = order.Currency,
        ["displayFinancialStatus"] = order.Status == SandboxOrderStatus.Cancelled ? "REFUNDED" : "PAID",
        ["displayFulfillmentStatus"] = order.Status switch
        {
            SandboxOrderStatus.Shipped => "FULFILLED",
            SandboxOrderStatus.PartiallyShipped => "PARTIALLY_FULFILLED",
            _ => "UNFULFILLED",
        },
        ["totalPriceSet"] = MoneyBag(order.Total, order.Currency),
        ["subtotalPriceSet"] = MoneyBag(order.Subtotal, order.Currency),
        ["customer"] = Customer(order),
        ["shippingAddress"] = Address(order.ShipTo),
        ["lineItems"] = new JsonArray(order.Lines.Select(l => (JsonNode)LineItem(order, l)).ToArray()),
        ["fulfillmentOrders"] = new JsonArray(new JsonObject
        {
            ["id"] = ShopifyGid.Of("FulfillmentOrder", order.Id),
            ["status"] = FulfillmentOrderStatus(order),
            ["createdAt"] = Time(order.CreatedAt),
            ["updatedAt"] = Time(order.ModifiedAt),
            ["lineItems"] = new JsonArray(order.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["id"] = ShopifyGid.Of("FulfillmentOrderLineItem", l.LineId),
                ["totalQuantity"] = l.Quantity,
                ["remainingQuantity"] = Remaining(order, l),
                ["lineItem"] = LineItem(order, l),
            }).ToArray()),
        }),
        ["fulfillments"] = new JsonArray(order.Shipments.Select((s, i) => (JsonNode)Fulfillment(order, s, i + 1)).ToArray()),
    };

    public static JsonObject Fulfillment(SandboxOrder order, SandboxShipment shipment, int number) => new()
    {
        ["id"] = ShopifyGid.Of("Fulfillment", shipment.Id),
        ["name"] = $"{Name(order)}-F{number}",
        ["status"] = "SUCCESS",
        ["createdAt"] = Time(shipment.ShippedAt),
        ["updatedAt"] = Time(shipment.ShippedAt),
        ["trackingInfo"] = new JsonArray(new JsonObject { ["company"] = shipment.Carrier, ["number"] = shipment.TrackingNumber, ["url"] = null }),
    };

    private static JsonObject LineItem(SandboxOrder order, SandboxOrderLine line) => new()
    {
        ["id"] = ShopifyGid.Of("LineItem", line.LineId),
        ["name"] = line.Title,
        ["title"] = line.Title,
        ["sku"] = line.Sku,
        ["quantity"] = line.Quantity,
        ["currentQuantity"] = order.Status == SandboxOrderStatus.Cancelled ? 0 : line.Quantity,
        ["unfulfilledQuantity"] = Remaining(order, line),
        ["originalUnitPriceSet"] = MoneyBag(line.UnitPrice, order.Currency),
    };

    private static JsonObject Customer(SandboxOrder order)
    {
        var (first, last) = Split(order.BuyerName);
        var id = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(order.BuyerEmail)));
        return new JsonObject
        {
            ["id"] = ShopifyGid.Of("Customer", (7_000_000_000_000L + id).ToString(CultureInfo.InvariantCulture)),
            ["displayName"] = order.BuyerName, ["firstName"] = first, ["lastName"] = last, ["email"] = order.BuyerEmail,
        };
    }

    private static JsonObject Address(SandboxAddress address)
    {
        var (first, last) = Split(address.Name);
        return new JsonObject
        {
            ["name"] = address.Name, ["firstName"] = first, ["lastName"] = last, ["company"] = null,
            ["address1"] = address.Line1, ["address2"] = null, ["city"] = address.City,
            ["province"] = address.Region.Length > 0 ? address.Region : null, ["provinceCode"] = address.Region.Length > 0 ? address.Region : null,
            ["zip"] = address.PostalCode, ["country"] = Countries.GetValueOrDefault(address.CountryCode, address.CountryCode), ["countryCodeV2"] = address.CountryCode,
            ["phone"] = address.Phone.Length > 0 ? address.Phone : null,
        };
    }

    private static (string First, string Last) Split(string name) =>
        name.IndexOf(' ') is var space and > 0 ? (name[..space], name[(space + 1)..]) : (name, "");

    /// <summary>Shopify writes decimals with at least one decimal place ("10.0", "29.99").</summary>
    private static JsonObject MoneyBag(decimal amount, string currency)
    {
        JsonObject Money() => new() { ["amount"] = amount.ToString("0.0#########", CultureInfo.InvariantCulture), ["currencyCode"] = currency };
        return new JsonObject { ["shopMoney"] = Money(), ["presentmentMoney"] = Money() };
    }
}
