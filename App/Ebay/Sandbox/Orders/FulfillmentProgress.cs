using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// A sandbox order's shipping progress in eBay's terms (OrderFulfillmentStatus, LineItemFulfillmentStatusEnum). An
/// order marked shipped without shipments (seeded ones) counts as fully shipped: nothing is left to fulfil.
/// </summary>
internal static class FulfillmentProgress
{
    public static int Remaining(SandboxOrder order, SandboxOrderLine line) =>
        order.Status == SandboxOrderStatus.Shipped ? 0 : Math.Max(0, line.Quantity - order.ShippedQuantity(line));

    /// <summary>NOT_STARTED, IN_PROGRESS or FULFILLED.</summary>
    public static string OfOrder(SandboxOrder order) =>
        order.Lines.All(l => Remaining(order, l) == 0) ? "FULFILLED"
        : order.Lines.Any(l => Remaining(order, l) < l.Quantity) ? "IN_PROGRESS"
        : "NOT_STARTED";

    public static string OfLine(SandboxOrder order, SandboxOrderLine line) =>
        Remaining(order, line) == 0 ? "FULFILLED" : Remaining(order, line) < line.Quantity ? "IN_PROGRESS" : "NOT_STARTED";
}
