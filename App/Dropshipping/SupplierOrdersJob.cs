namespace Marketplaces.Dropshipping;

/// <summary>
/// Hangfire's recurring work on supplier orders: new sales ordered from the supplier when the seller wants that, then
/// every open supplier order checked: payment, shipment, tracking (then sent to the selling channel).
/// </summary>
public sealed class SupplierOrdersJob(SupplierOrdering ordering)
{
    public const string Id = "supplier-orders";

    public async Task<string> RunAsync(CancellationToken ct)
    {
        var placed = await ordering.PlaceDueAsync(ct);
        return $"{placed} ordered automatically, {await ordering.RefreshOpenAsync(ct)} open supplier orders checked";
    }
}
