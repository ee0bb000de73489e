using Marketplaces.Sandbox.Orders;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The order states of a fresh PrestaShop 8 install (English names) and how the sandbox's neutral order status reads
/// in them: awaiting shipment is Payment accepted, shipped is Shipped, cancelled is Canceled.
/// </summary>
public static class PrestaShopOrderStates
{
    public const int PaymentAccepted = 2;
    public const int Processing = 3;
    public const int Shipped = 4;
    public const int Delivered = 5;
    public const int Canceled = 6;
    public const int Refunded = 7;

    private static readonly string[] Fields =
        ["unremovable", "delivery", "hidden", "send_email", "module_name", "invoice", "color", "logable", "shipped", "paid", "pdf_delivery", "pdf_invoice", "deleted", "name", "template"];

    public static readonly IReadOnlyList<PrestaShopRow> Rows =
    [
        State(1, "Awaiting check payment", "#34209E", "cheque", module: "ps_checkpayment"),
        State(PaymentAccepted, "Payment accepted", "#3498D8", "payment", paid: true),
        State(Processing, "Processing in progress", "#3498D8", "preparation", paid: true, delivery: true),
        State(Shipped, "Shipped", "#01b887", "shipped", paid: true, delivery: true, shipped: true),
        State(Delivered, "Delivered", "#01b887", "", paid: true, delivery: true, shipped: true),
        State(Canceled, "Canceled", "#2C3E50", "order_canceled"),
        State(Refunded, "Refunded", "#ec2e15", "refund", paid: true),
        State(8, "Payment error", "#ec2e15", "payment_error"),
        State(9, "On backorder (paid)", "#3498D8", "outofstock", paid: true),
        State(10, "Awaiting bank wire payment", "#34209E", "bankwire", module: "ps_wirepayment"),
        State(11, "Remote payment accepted", "#3498D8", "payment", paid: true),
        State(12, "On backorder (not paid)", "#34209E", "outofstock"),
        State(13, "Awaiting Cash On Delivery validation", "#34209E", "cashondelivery", module: "ps_cashondelivery"),
    ];

    public static PrestaShopResourceTable Table(PrestaShopSandboxShop shop) => new("order_states", "order_state", Fields, _ => Rows, shop);

    public static int Of(SandboxOrderStatus status) => status switch
    {
        SandboxOrderStatus.PartiallyShipped => Processing,
        SandboxOrderStatus.Shipped => Shipped,
        SandboxOrderStatus.Cancelled => Canceled,
        _ => PaymentAccepted,
    };

    /// <summary>The neutral status an order takes in this state; null for a state the shop does not have.</summary>
    public static SandboxOrderStatus? StatusOf(int state) => Rows.FirstOrDefault(r => r.Id == state) switch
    {
        null => null,
        { Values: var v } when v["shipped"] == "1" => SandboxOrderStatus.Shipped,
        { Id: Canceled or Refunded } => SandboxOrderStatus.Cancelled,
        _ => SandboxOrderStatus.AwaitingShipment,
    };

    private static PrestaShopRow State(int id, string name, string color, string template,
        bool paid = false, bool delivery = false, bool shipped = false, string module = "")
    {
        string Flag(bool on) => on ? "1" : "0";
        return new PrestaShopRow(id, new Dictionary<string, string>
        {
            ["unremovable"] = "1", ["delivery"] = Flag(delivery), ["hidden"] = "0", ["send_email"] = Flag(template.Length > 0),
            ["module_name"] = module, ["invoice"] = Flag(paid), ["color"] = color, ["logable"] = Flag(paid), ["shipped"] = Flag(shipped),
            ["paid"] = Flag(paid), ["pdf_delivery"] = Flag(shipped), ["pdf_invoice"] = Flag(paid), ["deleted"] = "0", ["name"] = name,
            ["template"] = template,
        });
    }
}
