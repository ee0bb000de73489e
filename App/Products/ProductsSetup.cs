using Marketplaces.Hosting;
using Marketplaces.Products.Listings;

namespace Marketplaces.Products;

public static class ProductsSetup
{
    public static void AddProducts(this IServiceCollection services)
    {
        services.AddSingleton<Notifier<Product>>();
        services.AddSingleton<ProductImages>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<ProductCsvImport>();
        services.AddTransient<ProductImageSweep>();
        services.AddSingleton<Notifier<Listing>>();
        services.AddSingleton<PublicImageUrls>();
        services.AddSingleton<ListingPublishes>();
        services.AddSingleton<ListingImports>();
        services.AddMemoryCache();
        services.AddTransient<PublishListingJob>();
        services.AddTransient<EndListingJob>();
        foreach (var publisher in typeof(ProductsSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IListingPublisher).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IListingPublisher), publisher);
        }
    }

    public static void MapProducts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProductMedia();
        endpoints.MapProductExport();
        endpoints.ServiceProvider.GetRequiredService<PublicImageUrls>().Map(endpoints);
    }
}
