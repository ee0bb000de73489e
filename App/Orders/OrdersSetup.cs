using Marketplaces.Hosting;
using Marketplaces.Orders.Shipping;

namespace Marketplaces.Orders;

public static class OrdersSetup
{
    /// <summary>The orders list's queries, shipment pushes and every <see cref="IShipmentPusher"/> in the app, found by reflection.</summary>
    public static void AddOrders(this IServiceCollection services)
    {
        services.AddSingleton<Notifier<Order>>();
        services.AddSingleton<ShipmentPushes>();
        services.AddSingleton<Listing.OrderQueries>();
        services.AddSingleton<Detail.OrderDetails>();
        services.AddSingleton<Bulk.BulkShipments>();
        services.AddSingleton<Figures.OrderFigures>();
        services.AddSingleton<Printing.PackingSlips>();
        foreach (var pusher in typeof(OrdersSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IShipmentPusher).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IShipmentPusher), pusher);
        }
    }
}
