using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marketplaces.Sandbox.Orders;
using Microsoft.AspNetCore.Http.Extensions;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// A sandbox order in the Fulfillment API's Order schema (sell_fulfillment_v1_oas3.json): dates ISO-8601 UTC with
/// milliseconds, amounts as <c>{value, currency}</c> with the value a string, empty address parts left out.
/// </summary>
internal static class OrderJson
{
    private const decimal FeeRate = 0.1325m;

    /// <summary>eBay leaves out what it has no value for (no next on the last page) rather than sending null.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private const string FulfillmentPath = "/sell/fulfillment/v1";

    /// <param name="apiRoot">The Fulfillment API's root as the caller reached it (<see cref="ApiRoot"/>), for fulfillmentHrefs.</param>
    public static object Render(SandboxOrder order, EbaySandboxAccount seller, string apiRoot)
    {
        var fee = Math.Round(order.Total * FeeRate, 2);
        var shipBy = Date(order.CreatedAt.AddDays(2));
        var (minDelivery, maxDelivery) = (Date(order.CreatedAt.AddDays(4)), Date(order.CreatedAt.AddDays(8)));
        var status = FulfillmentProgress.OfOrder(order);
        var ship = order.ShipTo;
        var contact = new
        {
            fullName = ship.Name,
            contactAddress = new
            {
                addressLine1 = ship.Line1, city = ship.City, stateOrProvince = Present(ship.Region), postalCode = ship.PostalCode, countryCode = ship.CountryCode,
            },
            primaryPhone = Present(ship.Phone) is { } phone ? new { phoneNumber = phone } : null,
            email = order.BuyerEmail,
        };
        object Amount(decimal value) => new { value = value.ToString("0.00", CultureInfo.InvariantCulture), currency = order.Currency };
        return new
        {
            orderId = order.Id,
            creationDate = Date(order.CreatedAt),
            lastModifiedDate = Date(order.ModifiedAt),
            orderFulfillmentStatus = status,
            orderPaymentStatus = "PAID",
            sellerId = seller.Username,
            buyer = new
            {
                username = BuyerUsername(order),
                taxAddress = new { city = ship.City, stateOrProvince = Present(ship.Region), postalCode = ship.PostalCode, countryCode = ship.CountryCode },
                buyerRegistrationAddress = contact,
            },
            pricingSummary = new
            {
                priceSubtotal = Amount(order.Subtotal), deliveryCost = Amount(order.ShippingCost), total = Amount(order.Total),
            },
            cancelStatus = new
            {
                cancelState = order.Status == SandboxOrderStatus.Cancelled ? "CANCELED" : "NONE_REQUESTED", cancelRequests = Array.Empty<object>(),
            },
            paymentSummary = new
            {
                payments = new[]
                {
                    new
                    {
                        paymentMethod = "EBAY", paymentReferenceId = $"PAY-{order.Id}", paymentDate = Date(order.CreatedAt),
                        amount = Amount(order.Total), paymentStatus = "PAID",
                    },
                },
                refunds = Array.Empty<object>(),
                totalDueSeller = Amount(order.Total - fee),
            },
            fulfillmentStartInstructions = new[]
            {
                new
                {
                    fulfillmentInstructionsType = "SHIP_TO", minEstimatedDeliveryDate = minDelivery, maxEstimatedDeliveryDate = maxDelivery,
                    ebaySupportedFulfillment = false,
                    shippingStep = new { shipTo = contact, shippingCarrierCode = "USPS", shippingServiceCode = "USPSPriority" },
                },
            },
            fulfillmentHrefs = order.Shipments.Select(s => FulfillmentHref(apiRoot, order.Id, s.Id)).ToArray(),
            lineItems = order.Lines.Select((line, i) => new
            {
                lineItemId = line.LineId,
                legacyItemId = line.ProductId,
                sku = line.Sku,
                title = line.Title,
                lineItemCost = Amount(line.UnitPrice * line.Quantity),
                quantity = line.Quantity,
                soldFormat = "FIXED_PRICE",
                listingMarketplaceId = "EBAY_US",
                purchaseMarketplaceId = "EBAY_US",
                lineItemFulfillmentStatus = FulfillmentProgress.OfLine(order, line),
                total = Amount(line.UnitPrice * line.Quantity + (i == 0 ? order.ShippingCost : 0)),
                deliveryCost = new { shippingCost = Amount(i == 0 ? order.ShippingCost : 0) },
                appliedPromotions = Array.Empty<object>(),
                taxes = Array.Empty<object>(),
                properties = new { buyerProtection = true },
                lineItemFulfillmentInstructions = new
                {
                    minEstimatedDeliveryDate = minDelivery, maxEstimatedDeliveryDate = maxDelivery, shipByDate = shipBy, guaranteedDelivery = false,
                },
            }).ToArray(),
            salesRecordReference = order.Sequence.ToString(CultureInfo.InvariantCulture),
            totalFeeBasisAmount = Amount(order.Total),
            totalMarketplaceFee = Amount(fee),
            ebayCollectAndRemitTax = false,
        };
    }

    /// <summary>A ShippingFulfillment: the tracking number under its GET name, shipmentTrackingNumber (ebay.md "Mark shipped").</summary>
    public static object Fulfillment(SandboxShipment shipment) => new
    {
        fulfillmentId = shipment.Id,
        lineItems = shipment.Lines.Select(l => new { lineItemId = l.LineId, quantity = l.Quantity }).ToArray(),
        shipmentTrackingNumber = shipment.TrackingNumber,
        shippedDate = Date(shipment.ShippedAt),
        shippingCarrierCode = shipment.Carrier,
    };

    /// <summary>A buyer's eBay username, made from the name (the same buyer is the same user).</summary>
    public static string BuyerUsername(SandboxOrder order) =>
        string.Join('_', order.BuyerName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Where the caller reached the Fulfillment API (<c>…/sell/fulfillment/v1</c>), for the hrefs eBay returns.</summary>
    public static string ApiRoot(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var at = path.IndexOf(FulfillmentPath, StringComparison.Ordinal);
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, path[..(at + FulfillmentPath.Length)]);
    }

    public static string FulfillmentHref(string apiRoot, string orderId, string fulfillmentId) =>
        $"{apiRoot}/order/{Uri.EscapeDataString(orderId)}/shipping_fulfillment/{Uri.EscapeDataString(fulfillmentId)}";

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Present(string value) => value.Length == 0 ? null : value;
}
