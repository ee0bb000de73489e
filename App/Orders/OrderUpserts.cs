using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Inventory;
using Marketplaces.Orders.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders;

/// <summary>
/// Stores orders idempotently on (connection, external id): a new order is added, a known one is updated in place with
/// its lines unless what arrived is older than what is stored; reading the same order again changes nothing but
/// <see cref="Order.LastSeenAt"/>. A changed marketplace status becomes one history event; a change to shipped confirms the
/// order's pushed shipments (<see cref="Shipment.ConfirmedAt"/>); the catalog's stock follows (<see cref="OrderStock"/>). Saves on the caller's
/// context, inside its transaction when it has one (a feed commits a page with its cursor): one query reads what is
/// stored, new orders and their lines go in as a few multi-row inserts (<see cref="BulkInsert"/>; a first sync is all
/// new orders), changed ones are updated in place.
/// </summary>
public static class OrderUpserts
{
    public static async Task UpsertAsync(AppDbContext db, Connection connection, IReadOnlyList<MarketplaceOrder> orders,
        DateTimeOffset seenAt, CancellationToken ct)
    {
        if (orders.Count == 0) return;
        // Of an order read twice in a page, the newest wins.
        var latest = orders.Select(StorableOrder.Of).GroupBy(o => o.ExternalId).Select(g => g.MaxBy(o => o.UpdatedAt)!).ToList();
        var ids = latest.Select(o => o.ExternalId).ToList();
        var stored = await db.Set<Order>().Include(o => o.Lines)
            .Where(o => o.ConnectionId == connection.Id && ids.Contains(o.ExternalId))
            .ToDictionaryAsync(o => o.ExternalId, StringComparer.Ordinal, ct);
        var added = new List<Order>();
        var shippedThere = new List<Guid>();
        foreach (var incoming in latest)
        {
            if (!stored.TryGetValue(incoming.ExternalId, out var order))
            {
                order = new Order
                {
                    Id = Guid.CreateVersion7(), ConnectionId = connection.Id, Marketplace = connection.Marketplace, ExternalId = incoming.ExternalId,
                    OrderNumber = "", MarketplaceStatus = "", Currency = "", RawPayload = "", SearchText = "", FirstSeenAt = seenAt,
                };
                Apply(order, incoming);
                order.FirstSeenStatus = order.MarketplaceStatus;
                added.Add(order);
            }
            else if (incoming.Problem is not null)
            {
                // What was read well before stays; the order is flagged until the marketplace sends a readable record.
                order.Status = OrderStatus.NeedsAttention;
                order.Problem = incoming.Problem;
                order.RawPayload = incoming.RawPayload;
            }
            else if (order.Problem is not null || order.UpdatedAt <= incoming.UpdatedAt)
            {
                if (order.MarketplaceStatus != incoming.MarketplaceStatus)
                {
                    db.Add(new OrderEvent
                    {
                        OrderId = order.Id, At = seenAt, Kind = OrderEventKind.StatusChanged,
                        Message = $"Status changed from {order.MarketplaceStatus} to {incoming.MarketplaceStatus}",
                    });
                    if (incoming.Status is OrderStatus.Fulfilled or OrderStatus.PartiallyFulfilled) shippedThere.Add(order.Id);
                }
                Apply(order, incoming);
            }
            order.LastSeenAt = seenAt;
        }
        // Before the new orders are written: their oversold units are set as their stock moves.
        await OrderStock.ApplyAsync(db, connection, [.. stored.Values, .. added], seenAt, ct);
        await BulkInsert.InsertAsync(db, added, ct);
        await BulkInsert.InsertAsync(db, added.SelectMany(o => o.Lines.Select(l =>
        {
            l.OrderId = o.Id;
            return l;
        })).ToList(), ct);
        await db.SaveChangesAsync(ct);
        if (shippedThere.Count > 0)
        {
            await db.Set<Shipment>().Where(s => shippedThere.Contains(s.OrderId) && s.State == ShipmentState.Pushed && s.ConfirmedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmedAt, seenAt), ct);
        }
    }

    private static void Apply(Order order, MarketplaceOrder incoming)
    {
        order.OrderNumber = incoming.OrderNumber ?? incoming.ExternalId;
        order.Status = incoming.Status;
        order.MarketplaceStatus = incoming.MarketplaceStatus;
        order.BuyerName = incoming.BuyerName;
        order.ShipTo = incoming.ShipTo;
        order.ShipBy = incoming.ShipBy?.ToUniversalTime();
        order.Currency = incoming.Currency;
        order.Total = incoming.Total;
        order.CreatedAt = incoming.CreatedAt.ToUniversalTime();
        order.UpdatedAt = incoming.UpdatedAt.ToUniversalTime();
        order.RawPayload = incoming.RawPayload;
        order.Problem = incoming.Problem;
        order.SearchText = StorableOrder.Cut(SearchText(incoming));
        var lines = incoming.Lines.Select(l => new OrderLine
        {
            ExternalLineId = l.ExternalLineId, Sku = l.Sku, Title = l.Title, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Currency = l.Currency,
        }).ToList();
        if (!order.Lines.Select(Key).SequenceEqual(lines.Select(Key))) order.Lines = lines;
    }

    private static (string, string?, string, int, decimal, string) Key(OrderLine l) =>
        (l.ExternalLineId, l.Sku, l.Title, l.Quantity, l.UnitPrice, l.Currency);

    /// <summary>What the orders list's search matches: numbers, buyer and SKUs, lower case.</summary>
    public static string SearchText(MarketplaceOrder order) =>
        string.Join(' ', new[] { order.OrderNumber, order.ExternalId, order.BuyerName }.Concat(order.Lines.Select(l => l.Sku))
            .Where(p => !string.IsNullOrEmpty(p)).Distinct()).ToLowerInvariant();
}
