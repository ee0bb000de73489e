using Marketplaces.Hosting;

namespace Marketplaces.Products;

public static class ProductsSetup
{
    public static void AddProducts(this IServiceCollection services)
    {
        services.AddSingleton<Notifier<Product>>();
        services.AddSingleton<ProductImages>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<ProductCsvImport>();
    }

    public static void MapProducts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProductMedia();
        endpoints.MapProductExport();
    }
}
