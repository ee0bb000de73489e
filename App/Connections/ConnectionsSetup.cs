using Microsoft.Extensions.DependencyInjection.Extensions;
using Marketplaces.Catalog;
using Marketplaces.Hosting;

namespace Marketplaces.Connections;

public static class ConnectionsSetup
{
    public static void AddConnections(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => MarketplaceCatalog.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddMarketplaceHttp();
        services.AddSingleton<Notifier<Connection>>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<TokenVault>();
        services.AddSingleton<AppCredentialStore>();
        services.AddSingleton<MarketplaceTargets>();
        services.AddSingleton<ConnectionAudit>();
        services.AddSingleton<PendingAuthorizations>();
        services.AddSingleton<ConnectionStore>();
        services.AddSingleton<ConnectionApis>();
        services.AddSingleton<KeyConnections>();
        services.AddSingleton<ConnectFlow>();
        services.AddSingleton<TokenRefresher>();
        services.AddSingleton<Disconnector>();
        services.AddSingleton<Dashboard.MarketplaceOverviews>();
        // Adapters and token protocols are found by reflection: a marketplace folder adds a class, not a registration.
        foreach (var type in typeof(ConnectionsSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false }
                                 && (typeof(IMarketplaceAdapter).IsAssignableFrom(t) || typeof(ITokenProtocol).IsAssignableFrom(t))))
        {
            services.AddSingleton(type);
            foreach (var contract in type.GetInterfaces().Where(i => typeof(IMarketplaceAdapter).IsAssignableFrom(i) || i == typeof(ITokenProtocol)))
                services.AddSingleton(contract, sp => sp.GetRequiredService(type));
        }
    }

    public static void MapConnectionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        foreach (var type in typeof(ConnectionsSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConnectionEndpoints).IsAssignableFrom(t)))
        {
            ((IConnectionEndpoints)ActivatorUtilities.CreateInstance(endpoints.ServiceProvider, type)).Map(endpoints);
        }
    }
}
