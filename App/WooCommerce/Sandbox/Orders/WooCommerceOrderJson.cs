using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.WooCommerce.Sandbox.Orders;

/// <summary>
/// Orders, notes and tracking items as wc/v3 renders them: ids as numbers, money as strings with two decimals (but a
/// line's <c>price</c> as a number), dates without zone in the store's time plus <c>*_gmt</c> twins, whole seconds.
/// </summary>
internal static class WooCommerceOrderJson
{
    public static object Order(SandboxOrder order, WooCommerceOrderExtras extras, string home)
    {
        var id = long.Parse(order.Id, CultureInfo.InvariantCulture);
        var status = Status(order, extras);
        var completed = status == "completed" ? order.ModifiedAt : (DateTimeOffset?)null;
        var key = "wc_order_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(home + order.Id)))[..13].ToLowerInvariant();
        var (first, last) = Names(order.ShipTo.Name);
        var address = order.ShipTo;
        return new
        {
            id,
            parent_id = 0,
            status,
            currency = order.Currency,
            version = WooCommerceRestEndpoints.WooCommerceVersion,
            prices_include_tax = false,
            date_created = Local(order.CreatedAt),
            date_modified = Local(order.ModifiedAt),
            discount_total = Money(0),
            discount_tax = Money(0),
            shipping_total = Money(order.ShippingCost),
            shipping_tax = Money(0),
            cart_tax = Money(0),
            total = Money(order.Total),
            total_tax = Money(0),
            customer_id = 0,
            order_key = key,
            billing = new
            {
                first_name = first, last_name = last, company = "", address_1 = address.Line1, address_2 = "", city = address.City,
                state = address.Region, postcode = address.PostalCode, country = address.CountryCode, email = order.BuyerEmail, phone = address.Phone,
            },
            shipping = new
            {
                first_name = first, last_name = last, company = "", address_1 = address.Line1, address_2 = "", city = address.City,
                state = address.Region, postcode = address.PostalCode, country = address.CountryCode, phone = address.Phone,
            },
            payment_method = "bacs",
            payment_method_title = "Direct bank transfer",
            transaction_id = "",
            customer_ip_address = "",
            customer_user_agent = "",
            created_via = "checkout",
            customer_note = "",
            date_completed = Local(completed),
            date_paid = Local(order.CreatedAt),
            cart_hash = "",
            number = order.Id,
            meta_data = extras.Meta().Select(m => new { id = m.Id, key = m.Key, value = m.Value }).ToArray(),
            line_items = order.Lines.Select(line => new
            {
                id = long.Parse(line.LineId, CultureInfo.InvariantCulture),
                name = line.Title,
                product_id = long.Parse(line.ProductId, CultureInfo.InvariantCulture),
                variation_id = 0,
                quantity = line.Quantity,
                tax_class = "",
                subtotal = Money(line.UnitPrice * line.Quantity),
                subtotal_tax = Money(0),
                total = Money(line.UnitPrice * line.Quantity),
                total_tax = Money(0),
                taxes = Array.Empty<object>(),
                meta_data = Array.Empty<object>(),
                sku = line.Sku,
                price = (double)line.UnitPrice,
                image = new { id = "", src = "" },
                parent_name = (string?)null,
            }).ToArray(),
            tax_lines = Array.Empty<object>(),
            shipping_lines = new[]
            {
                new
                {
                    id = id * 10 + 9, method_title = "Flat rate", method_id = "flat_rate", instance_id = "1", total = Money(order.ShippingCost),
                    total_tax = Money(0), taxes = Array.Empty<object>(), meta_data = Array.Empty<object>(),
                },
            },
            fee_lines = Array.Empty<object>(),
            coupon_lines = Array.Empty<object>(),
            refunds = Array.Empty<object>(),
            payment_url = $"{home}/checkout/order-pay/{id}/?pay_for_order=true&key={key}",
            is_editable = false,
            needs_payment = false,
            needs_processing = true,
            date_created_gmt = Gmt(order.CreatedAt),
            date_modified_gmt = Gmt(order.ModifiedAt),
            date_completed_gmt = Gmt(completed),
            date_paid_gmt = Gmt(order.CreatedAt),
            currency_symbol = order.Currency switch { "USD" => "$", "EUR" => "€", "GBP" => "£", _ => order.Currency },
            _links = new { self = Links($"{home}/wp-json/wc/v3/orders/{id}"), collection = Links($"{home}/wp-json/wc/v3/orders") },
        };
    }

    public static object Note(string orderId, WooCommerceOrderNote note, string home) => new
    {
        id = note.Id,
        author = "WooCommerce",
        date_created = Local(note.CreatedAt),
        date_created_gmt = Gmt(note.CreatedAt),
        note = note.Note,
        customer_note = note.CustomerNote,
        _links = new
        {
            self = Links($"{home}/wp-json/wc/v3/orders/{orderId}/notes/{note.Id}"),
            collection = Links($"{home}/wp-json/wc/v3/orders/{orderId}/notes"),
            up = Links($"{home}/wp-json/wc/v3/orders/{orderId}"),
        },
    };

    public static object Tracking(string orderId, WooCommerceTrackingItem item, string home) => new
    {
        tracking_id = item.TrackingId,
        tracking_provider = item.Provider,
        tracking_link = item.Link,
        tracking_number = item.Number,
        date_shipped = item.DateShipped.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _links = new
        {
            self = Links(TrackingUrl(home, orderId, item.TrackingId)),
            collection = Links($"{home}/wp-json/wc-shipment-tracking/v3/orders/{orderId}/shipment-trackings"),
            up = Links($"{home}/wp-json/wc/v3/orders/{orderId}"),
        },
    };

    public static string TrackingUrl(string home, string orderId, string trackingId) =>
        $"{home}/wp-json/wc-shipment-tracking/v3/orders/{orderId}/shipment-trackings/{trackingId}";

    /// <summary>The order's status in WooCommerce's words: what the API set, else what the book's state means.</summary>
    public static string Status(SandboxOrder order, WooCommerceOrderExtras extras) => extras.Status ?? order.Status switch
    {
        SandboxOrderStatus.Shipped => "completed",
        SandboxOrderStatus.Cancelled => "cancelled",
        _ => "processing",
    };

    /// <summary>WordPress keeps whole seconds.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static string? Local(DateTimeOffset? at) => at is { } value ? Format(Seconds(value) + WooCommerceSandboxStore.GmtOffset) : null;

    private static string? Gmt(DateTimeOffset? at) => at is { } value ? Format(Seconds(value)) : null;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static object[] Links(string href) => [new { href }];

    private static (string First, string Last) Names(string name)
    {
        var space = name.IndexOf(' ');
        return space < 0 ? (name, "") : (name[..space], name[(space + 1)..]);
    }
}
