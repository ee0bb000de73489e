using System.Globalization;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// An emulator order in the Fulfillment API's Order schema (sell_fulfillment_v1_oas3.json): dates ISO-8601 UTC with
/// milliseconds, amounts as <c>{value, currency}</c> with the value a string.
/// </summary>
internal static class OrderJson
{
    private const decimal FeeRate = 0.1325m;

    public static object Render(EbaySandboxOrder order, EbaySandboxAccount seller)
    {
        var fee = Math.Round(order.Total * FeeRate, 2);
        var shipBy = Date(order.CreationDate.AddDays(2));
        var (minDelivery, maxDelivery) = (Date(order.CreationDate.AddDays(4)), Date(order.CreationDate.AddDays(8)));
        return new
        {
            orderId = order.OrderId,
            creationDate = Date(order.CreationDate),
            lastModifiedDate = Date(order.LastModifiedDate),
            orderFulfillmentStatus = order.FulfillmentStatus,
            orderPaymentStatus = "PAID",
            sellerId = seller.Username,
            buyer = new
            {
                username = order.BuyerUsername,
                taxAddress = new { city = "San Jose", stateOrProvince = "CA", postalCode = "95125", countryCode = "US" },
            },
            pricingSummary = new
            {
                priceSubtotal = Amount(order.Subtotal), deliveryCost = Amount(order.ShippingCost), total = Amount(order.Total),
            },
            cancelStatus = new { cancelState = order.CancelState, cancelRequests = Array.Empty<object>() },
            paymentSummary = new
            {
                payments = new[]
                {
                    new
                    {
                        paymentMethod = "EBAY", paymentReferenceId = $"PAY-{order.OrderId}", paymentDate = Date(order.CreationDate),
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
                    shippingStep = new
                    {
                        shipTo = new
                        {
                            fullName = $"Buyer {order.BuyerUsername[6..]}",
                            contactAddress = new { addressLine1 = "2145 Hamilton Ave", city = "San Jose", stateOrProvince = "CA", postalCode = "95125", countryCode = "US" },
                            primaryPhone = new { phoneNumber = "4085550100" },
                            email = $"{order.BuyerUsername}@members.ebay.com",
                        },
                        shippingCarrierCode = "USPS",
                        shippingServiceCode = "USPSPriority",
                    },
                },
            },
            fulfillmentHrefs = Array.Empty<string>(),
            lineItems = order.LineItems.Select((line, i) => new
            {
                lineItemId = line.LineItemId,
                legacyItemId = line.LegacyItemId,
                sku = line.Sku,
                title = line.Title,
                lineItemCost = Amount(line.UnitPrice * line.Quantity),
                quantity = line.Quantity,
                soldFormat = "FIXED_PRICE",
                listingMarketplaceId = "EBAY_US",
                purchaseMarketplaceId = "EBAY_US",
                lineItemFulfillmentStatus = order.FulfillmentStatus,
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
            salesRecordReference = order.OrderId[^5..].TrimStart('0'),
            totalFeeBasisAmount = Amount(order.Total),
            totalMarketplaceFee = Amount(fee),
            ebayCollectAndRemitTax = false,
        };
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static object Amount(decimal value) => new { value = value.ToString("0.00", CultureInfo.InvariantCulture), currency = "USD" };
}
