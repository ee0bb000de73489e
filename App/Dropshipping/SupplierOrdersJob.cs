namespace Marketplaces.Dropshipping;

/// <summary>Hangfire's recurring check of open supplier orders: payment, shipment, tracking (then sent to the selling channel).</summary>
public sealed class SupplierOrdersJob(SupplierOrdering ordering)
{
    public const string Id = "supplier-orders";

    public async Task<string> RunAsync(CancellationToken ct) => $"{await ordering.RefreshOpenAsync(ct)} open supplier orders checked";
}
