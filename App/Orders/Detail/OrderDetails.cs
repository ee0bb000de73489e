using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Detail;

public sealed class OrderDetails(
    IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog, MarketplaceTargets targets, ShipmentPushes pushes)
{
    public async Task<OrderDetail?> LoadAsync(Guid orderId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines.OrderBy(l => l.Id)).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return null;
        var connection = await db.Set<Connection>().AsNoTracking().SingleAsync(c => c.Id == order.ConnectionId, ct);
        var shipments = await db.Set<Shipment>().AsNoTracking().Where(s => s.OrderId == orderId).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var events = await db.Set<OrderEvent>().AsNoTracking().Where(e => e.OrderId == orderId).OrderByDescending(e => e.Id).ToListAsync(ct);
        var marketplace = catalog[order.Marketplace];
        return new OrderDetail(order, connection, marketplace.Name, Link(marketplace, connection, order), shipments, events, pushes.Supports(order.Marketplace));
    }

    private string? Link(MarketplaceDefinition marketplace, Connection connection, Order order)
    {
        try
        {
            return OrderLink.For(targets.Endpoints(marketplace, connection.Environment, connection.AccountParameter, out _), order);
        }
        catch (InvalidAccountParameterException)
        {
            return null;
        }
    }
}
