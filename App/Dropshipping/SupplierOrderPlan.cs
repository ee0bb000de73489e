using Marketplaces.Orders;

namespace Marketplaces.Dropshipping;

/// <summary>
/// What ordering a customer's order from the supplier involves: its lines bought from a supplier (by SKU: the line's
/// SKU is a linked catalog variant's or product's), the others, the address mapped to the supplier's fields with those
/// still missing, and the supplier order made before, if any.
/// </summary>
public sealed record SupplierOrderPlan(
    Order Order, IReadOnlyList<SupplierPlanLine> Lines, IReadOnlyList<OrderLine> Unlinked, SupplierAddress Address, SupplierOrder? Existing)
{
    public Guid? ConnectionId => Lines.Select(l => l.Link.ConnectionId).FirstOrDefault(c => c is not null);

    public string Country => Address.Country;

    /// <summary>Cost of the products as recorded at import or at the last supplier sync; shipping not included.</summary>
    public decimal ProductCost => Lines.Sum(l => l.Sku.Cost * l.Line.Quantity);

    public string CostCurrency => Lines.Select(l => l.Sku.Currency).FirstOrDefault() ?? Order.Currency;

    /// <summary>Whether the supplier order may be placed now: none made yet, or the last one refused.</summary>
    public bool CanPlace => Lines.Count > 0 && Existing is null or { State: SupplierOrderState.Refused or SupplierOrderState.Placing or SupplierOrderState.Closed };
}

public sealed record SupplierPlanLine(OrderLine Line, SupplierLink Link, SupplierSkuLink Sku);
