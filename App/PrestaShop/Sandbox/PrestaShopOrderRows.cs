using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The sandbox's neutral orders as PrestaShop 8 prints them: orders with their order_rows, and the customer,
/// address and order_carrier each order refers to (one of each per order, numbered as the order). Money has six
/// decimals, dates are shop time, prices carry no tax.
/// </summary>
public sealed class PrestaShopOrderRows(PrestaShopShopTime time)
{
    /// <summary>The shop's default carrier of a fresh install; every sandbox order ships with it.</summary>
    public const int CarrierId = 2;
    public const string CarrierName = "My carrier";

    public static readonly string[] OrderFields =
    [
        "id_address_delivery", "id_address_invoice", "id_cart", "id_currency", "id_lang", "id_customer", "id_carrier", "current_state", "module",
        "invoice_number", "invoice_date", "delivery_number", "delivery_date", "valid", "date_add", "date_upd", "shipping_number", "note",
        "id_shop_group", "id_shop", "secure_key", "payment", "recyclable", "gift", "gift_message", "mobile_theme", "total_discounts",
        "total_discounts_tax_incl", "total_discounts_tax_excl", "total_paid", "total_paid_tax_incl", "total_paid_tax_excl", "total_paid_real",
        "total_products", "total_products_wt", "total_shipping", "total_shipping_tax_incl", "total_shipping_tax_excl", "carrier_tax_rate",
        "total_wrapping", "total_wrapping_tax_incl", "total_wrapping_tax_excl", "round_mode", "round_type", "conversion_rate", "reference",
    ];

    public static readonly string[] CustomerFields =
    [
        "id_default_group", "id_lang", "deleted", "lastname", "firstname", "email", "id_gender", "birthday", "newsletter", "optin", "company",
        "active", "is_guest", "id_shop", "id_shop_group", "date_add", "date_upd",
    ];

    public static readonly string[] AddressFields =
    [
        "id_customer", "id_manufacturer", "id_supplier", "id_warehouse", "id_country", "id_state", "alias", "company", "lastname", "firstname",
        "vat_number", "address1", "address2", "postcode", "city", "other", "phone", "phone_mobile", "dni", "deleted", "date_add", "date_upd",
    ];

    public static readonly string[] OrderCarrierFields =
        ["id_order", "id_carrier", "id_order_invoice", "weight", "shipping_cost_tax_excl", "shipping_cost_tax_incl", "tracking_number", "date_add"];

    public static int IdOf(SandboxOrder order) => int.Parse(order.Id, CultureInfo.InvariantCulture);

    public PrestaShopRow Order(SandboxOrder order)
    {
        var id = Number(order.Sequence);
        var (total, products, shipping, none) = (Money(order.Total), Money(order.Subtotal), Money(order.ShippingCost), Money(0));
        return new PrestaShopRow(IdOf(order), new Dictionary<string, string>
        {
            ["id_address_delivery"] = id, ["id_address_invoice"] = id, ["id_cart"] = id,
            ["id_currency"] = Number(PrestaShopReferenceData.CurrencyId(order.Currency)), ["id_lang"] = "1", ["id_customer"] = id,
            ["id_carrier"] = Number(CarrierId), ["current_state"] = Number(PrestaShopOrderStates.Of(order.Status)), ["module"] = "ps_checkpayment",
            ["invoice_number"] = "0", ["invoice_date"] = PrestaShopShopTime.Unset, ["delivery_number"] = "0", ["delivery_date"] = PrestaShopShopTime.Unset,
            ["valid"] = order.Status == SandboxOrderStatus.Cancelled ? "0" : "1",
            ["date_add"] = time.Local(order.CreatedAt), ["date_upd"] = time.Local(order.ModifiedAt),
            ["shipping_number"] = "", ["note"] = "", ["id_shop_group"] = "1", ["id_shop"] = "1", ["secure_key"] = Hash($"secure:{order.Id}", 32, "0123456789abcdef"),
            ["payment"] = "Payment by check", ["recyclable"] = "0", ["gift"] = "0", ["gift_message"] = "", ["mobile_theme"] = "0",
            ["total_discounts"] = none, ["total_discounts_tax_incl"] = none, ["total_discounts_tax_excl"] = none,
            ["total_paid"] = total, ["total_paid_tax_incl"] = total, ["total_paid_tax_excl"] = total, ["total_paid_real"] = total,
            ["total_products"] = products, ["total_products_wt"] = products,
            ["total_shipping"] = shipping, ["total_shipping_tax_incl"] = shipping, ["total_shipping_tax_excl"] = shipping, ["carrier_tax_rate"] = "0.000",
            ["total_wrapping"] = none, ["total_wrapping_tax_incl"] = none, ["total_wrapping_tax_excl"] = none,
            ["round_mode"] = "2", ["round_type"] = "2", ["conversion_rate"] = "1.000000", ["reference"] = Reference(order),
        })
        {
            Associations = [new PrestaShopAssociation("order_rows", "order_row", order.Lines.Select(l => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["id"] = l.LineId, ["product_id"] = l.ProductId, ["product_attribute_id"] = "0", ["product_quantity"] = Number(l.Quantity),
                ["product_name"] = l.Title, ["product_reference"] = l.Sku, ["product_ean13"] = "", ["product_isbn"] = "", ["product_upc"] = "",
                ["product_price"] = Money(l.UnitPrice), ["id_customization"] = "0", ["unit_price_tax_incl"] = Money(l.UnitPrice),
                ["unit_price_tax_excl"] = Money(l.UnitPrice),
            }).ToList())],
        };
    }

    public PrestaShopRow Customer(SandboxOrder order)
    {
        var (first, last) = Names(order.BuyerName);
        return new PrestaShopRow(order.Sequence, new Dictionary<string, string>
        {
            ["id_default_group"] = "3", ["id_lang"] = "1", ["deleted"] = "0", ["lastname"] = last, ["firstname"] = first, ["email"] = order.BuyerEmail,
            ["id_gender"] = "0", ["birthday"] = "0000-00-00", ["newsletter"] = "0", ["optin"] = "0", ["company"] = "", ["active"] = "1", ["is_guest"] = "0",
            ["id_shop"] = "1", ["id_shop_group"] = "1", ["date_add"] = time.Local(order.CreatedAt), ["date_upd"] = time.Local(order.CreatedAt),
        });
    }

    public PrestaShopRow Address(SandboxOrder order)
    {
        var (first, last) = Names(order.ShipTo.Name);
        var to = order.ShipTo;
        return new PrestaShopRow(order.Sequence, new Dictionary<string, string>
        {
            ["id_customer"] = Number(order.Sequence), ["id_manufacturer"] = "0", ["id_supplier"] = "0", ["id_warehouse"] = "0",
            ["id_country"] = Number(PrestaShopReferenceData.CountryId(to.CountryCode)), ["id_state"] = Number(PrestaShopReferenceData.StateId(to.CountryCode, to.Region)),
            ["alias"] = "My address", ["company"] = "", ["lastname"] = last, ["firstname"] = first, ["vat_number"] = "", ["address1"] = to.Line1,
            ["address2"] = "", ["postcode"] = to.PostalCode, ["city"] = to.City, ["other"] = "", ["phone"] = to.Phone, ["phone_mobile"] = "",
            ["dni"] = "", ["deleted"] = "0", ["date_add"] = time.Local(order.CreatedAt), ["date_upd"] = time.Local(order.CreatedAt),
        });
    }

    /// <summary>The order's one carrier; its tracking number is the last one set on it.</summary>
    public PrestaShopRow OrderCarrier(SandboxOrder order) => new(order.Sequence, new Dictionary<string, string>
    {
        ["id_order"] = order.Id, ["id_carrier"] = Number(CarrierId), ["id_order_invoice"] = "0", ["weight"] = "0.000000",
        ["shipping_cost_tax_excl"] = Money(order.ShippingCost), ["shipping_cost_tax_incl"] = Money(order.ShippingCost),
        ["tracking_number"] = order.Shipments.LastOrDefault()?.TrackingNumber ?? "", ["date_add"] = time.Local(order.CreatedAt),
    });

    /// <summary>Nine capital letters, as PrestaShop's Order::generateReference makes them; the same for the same order.</summary>
    public static string Reference(SandboxOrder order) => Hash($"reference:{order.Id}", 9, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static string Hash(string seed, int length, string alphabet) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).Take(length).Select(b => alphabet[b % alphabet.Length]).ToArray());

    private static (string First, string Last) Names(string name) =>
        name.Split(' ', 2) is [var first, var last] ? (first, last) : (name, "");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
