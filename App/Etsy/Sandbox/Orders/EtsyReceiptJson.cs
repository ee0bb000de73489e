using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Etsy.Sandbox.Orders;

/// <summary>
/// A sandbox order as the spec's <c>ShopReceipt</c>: ids and times as integers (Unix seconds), amounts as
/// <c>Money</c> in cents, one transaction per line with its unit price, shipments with their tracking.
/// </summary>
internal static class EtsyReceiptJson
{
    public static object Render(SandboxOrder order, EtsySandboxAccount seller)
    {
        var receiptId = long.Parse(order.Id, CultureInfo.InvariantCulture);
        var buyerId = BuyerId(order.BuyerEmail);
        var (created, updated) = (Seconds(order.CreatedAt), Seconds(order.ModifiedAt));
        var shipped = order.Status is SandboxOrderStatus.Shipped or SandboxOrderStatus.PartiallyShipped;
        long? shippedAt = order.Shipments.Count > 0 ? Seconds(order.Shipments[0].ShippedAt) : shipped ? updated : null;
        var to = order.ShipTo;
        return new
        {
            receipt_id = receiptId,
            receipt_type = 0,
            seller_user_id = seller.UserId,
            seller_email = $"{seller.Name}@sandbox.example.com",
            buyer_user_id = buyerId,
            buyer_email = order.BuyerEmail,
            name = to.Name,
            first_line = to.Line1,
            second_line = (string?)null,
            city = to.City,
            state = Nullable(to.Region),
            zip = to.PostalCode,
            status = order.Status switch
            {
                SandboxOrderStatus.Cancelled => "canceled",
                SandboxOrderStatus.AwaitingShipment => "paid",
                _ => "completed",
            },
            formatted_address = string.Join("\n", to.Name, to.Line1, string.Join(" ", new[] { to.City, to.Region, to.PostalCode }.Where(p => p.Length > 0)), to.CountryCode),
            country_iso = to.CountryCode,
            payment_method = "cc",
            payment_email = (string?)null,
            message_from_seller = (string?)null,
            message_from_buyer = (string?)null,
            message_from_payment = (string?)null,
            is_paid = true,
            is_shipped = shipped,
            create_timestamp = created,
            created_timestamp = created,
            update_timestamp = updated,
            updated_timestamp = updated,
            is_gift = false,
            gift_message = "",
            gift_sender = "",
            grandtotal = Money(order.Total, order.Currency),
            subtotal = Money(order.Subtotal, order.Currency),
            total_price = Money(order.Subtotal, order.Currency),
            total_shipping_cost = Money(order.ShippingCost, order.Currency),
            total_tax_cost = Money(0, order.Currency),
            total_vat_cost = Money(0, order.Currency),
            discount_amt = Money(0, order.Currency),
            gift_wrap_price = Money(0, order.Currency),
            shipments = order.Shipments.Select(s => new
            {
                receipt_shipping_id = long.Parse(s.Id, CultureInfo.InvariantCulture),
                shipment_notification_timestamp = Seconds(s.ShippedAt),
                carrier_name = s.Carrier,
                tracking_code = s.TrackingNumber,
            }).ToArray(),
            transactions = order.Lines.Select((line, i) => new
            {
                transaction_id = long.Parse(line.LineId, CultureInfo.InvariantCulture),
                title = line.Title,
                seller_user_id = seller.UserId,
                buyer_user_id = buyerId,
                create_timestamp = created,
                created_timestamp = created,
                paid_timestamp = created,
                shipped_timestamp = shippedAt,
                quantity = line.Quantity,
                listing_image_id = (long?)null,
                receipt_id = receiptId,
                is_digital = false,
                file_data = "",
                listing_id = long.Parse(line.ProductId, CultureInfo.InvariantCulture),
                transaction_type = "listing",
                product_id = (long?)null,
                sku = line.Sku,
                price = Money(line.UnitPrice, order.Currency),
                shipping_cost = Money(i == 0 ? order.ShippingCost : 0, order.Currency),
                variations = Array.Empty<object>(),
                product_data = Array.Empty<object>(),
                shipping_profile_id = (long?)null,
                min_processing_days = 1,
                max_processing_days = 3,
                shipping_method = (string?)null,
                shipping_upgrade = (string?)null,
                expected_ship_date = created + 3 * 86_400,
                buyer_coupon = 0,
                shop_coupon = 0,
            }).ToArray(),
            refunds = Array.Empty<object>(),
        };
    }

    public static long Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private static object Money(decimal value, string currency) =>
        new { amount = (long)Math.Round(value * 100, MidpointRounding.AwayFromZero), divisor = 100, currency_code = currency };

    private static string? Nullable(string value) => value.Length == 0 ? null : value;

    private static long BuyerId(string email) =>
        100_000_000 + BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(email))) % 900_000_000;
}
