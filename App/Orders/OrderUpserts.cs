using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders;

/// <summary>
/// Stores orders idempotently on (connection, external id): a new order is inserted, a known one is replaced with
/// its lines unless what arrived is older than what is stored; reading the same order again changes nothing but
/// <see cref="Order.LastSeenAt"/>. Runs inside the caller's transaction.
/// </summary>
public static class OrderUpserts
{
    public static async Task UpsertAsync(AppDbContext db, Connection connection, IReadOnlyList<MarketplaceOrder> orders,
        DateTimeOffset seenAt, CancellationToken ct)
    {
        var ids = orders.Select(o => o.ExternalId).Distinct().ToList();
        var stored = await db.Set<Order>().Include(o => o.Lines)
            .Where(o => o.ConnectionId == connection.Id && ids.Contains(o.ExternalId))
            .ToDictionaryAsync(o => o.ExternalId, ct);
        foreach (var incoming in orders)
        {
            if (!stored.TryGetValue(incoming.ExternalId, out var order))
            {
                order = new Order
                {
                    Id = Guid.NewGuid(), ConnectionId = connection.Id, Marketplace = connection.Marketplace, ExternalId = incoming.ExternalId,
                    MarketplaceStatus = incoming.MarketplaceStatus, Currency = incoming.Currency, RawPayload = incoming.RawPayload, FirstSeenAt = seenAt,
                };
                db.Set<Order>().Add(order);
                stored[incoming.ExternalId] = order;
            }
            else if (incoming.UpdatedAt < order.UpdatedAt)
            {
                order.LastSeenAt = seenAt;
                continue;
            }
            Apply(order, incoming);
            order.LastSeenAt = seenAt;
        }
    }

    private static void Apply(Order order, MarketplaceOrder incoming)
    {
        order.Status = incoming.Status;
        order.MarketplaceStatus = incoming.MarketplaceStatus;
        order.BuyerName = incoming.BuyerName;
        order.Currency = incoming.Currency;
        order.Total = incoming.Total;
        order.CreatedAt = incoming.CreatedAt;
        order.UpdatedAt = incoming.UpdatedAt;
        order.RawPayload = incoming.RawPayload;
        order.Lines.Clear();
        order.Lines.AddRange(incoming.Lines.Select(l => new OrderLine
        {
            ExternalLineId = l.ExternalLineId, Sku = l.Sku, Title = l.Title, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Currency = l.Currency,
        }));
    }
}
