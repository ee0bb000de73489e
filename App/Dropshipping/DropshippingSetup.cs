using Marketplaces.AliExpress.Dropship;

namespace Marketplaces.Dropshipping;

public static class DropshippingSetup
{
    public static void AddDropshipping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(DropshippingOptions.Section).Get<DropshippingOptions>() ?? new DropshippingOptions());
        services.AddSingleton<ISupplierCatalog, AliExpressSupplier>();
        services.AddSingleton<SupplierConnections>();
        services.AddSingleton<SupplierImports>();
        services.AddSingleton<ISupplierOrders, AliExpressSupplierOrders>();
        services.AddSingleton<SupplierOrdering>();
        services.AddTransient<SupplierOrdersJob>();
        services.AddSingleton<SupplierSync>();
        services.AddTransient<SupplierSyncJob>();
        services.AddSingleton<Webhooks.IWebhookHandler, AliExpress.Webhooks.AliExpressOrderPushes>();
    }
}
