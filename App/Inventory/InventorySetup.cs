namespace Marketplaces.Inventory;

public static class InventorySetup
{
    public static void AddInventory(this IServiceCollection services)
    {
        services.AddOptions<InventoryOptions>().BindConfiguration("Inventory");
        services.AddSingleton<StockPushes>();
        services.AddSingleton<StockLedger>();
        services.AddTransient<PushStockJob>();
        services.AddTransient<StockSweepJob>();
        services.AddSingleton<StockDrift>();
        services.AddTransient<StockDriftJob>();
        services.AddHostedService<StockPushTrigger>();
    }
}
