namespace Marketplaces.Dropshipping;

/// <summary>Hangfire's recurring read of every product bought from a supplier: stock, cost, withdrawals.</summary>
public sealed class SupplierSyncJob(SupplierSync sync)
{
    public const string Id = "supplier-sync";

    public async Task<string> RunAsync(CancellationToken ct) => $"{await sync.SyncAllAsync(ct)} supplier products read";
}
