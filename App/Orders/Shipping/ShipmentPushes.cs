using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Settings;
using Marketplaces.Database.Locks;
using Marketplaces.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Shipping;

/// <summary>
/// Marks an order shipped and pushes it to the marketplace. One push per order at a time (its lock,
/// across instances too). The shipment row is committed before the marketplace is called, so an attempt whose answer
/// is lost (or whose process dies) leaves it Pushing/Unconfirmed, and the next attempt for the same tracking number
/// asks the marketplace before it pushes: a retry never creates a second shipment.
/// </summary>
public sealed partial class ShipmentPushes(
    IDbContextFactory<AppDbContext> contexts, IExclusiveLocks locks, MarketplaceCatalog catalog, IEnumerable<IShipmentPusher> pushers, ConnectionApis apis, TimeProvider clock,
    ShopTimeZone timeZone, Notifier<Order> changes, ILogger<ShipmentPushes> logger)
{
    private readonly Dictionary<string, IShipmentPusher> _pushers = pushers.ToDictionary(p => p.MarketplaceId, StringComparer.OrdinalIgnoreCase);

    public bool Supports(string marketplace) => _pushers.ContainsKey(marketplace);

    public async Task<ShipmentOutcome> MarkShippedAsync(Guid orderId, ShipmentInput input, string actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (input.Problems(DateOnly.FromDateTime(now.UtcDateTime)).FirstOrDefault() is { } problem) return ShipmentOutcome.Refused(problem);
        var tracking = input.TrackingNumber.Trim();

        await using var held = await locks.AcquireAsync("shipment", orderId.ToString(), ct);
        await using var db = await contexts.CreateDbContextAsync(ct);

        var order = await db.Set<Order>().AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null) return ShipmentOutcome.Refused("This order no longer exists.");
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == order.ConnectionId, ct);
        if (connection is null) return ShipmentOutcome.Refused("This order's connection no longer exists.");
        if (!_pushers.TryGetValue(order.Marketplace, out var pusher)) return ShipmentOutcome.Refused($"Shipping cannot be pushed to {order.Marketplace} yet.");
        if (connection.State != ConnectionState.Connected) return ShipmentOutcome.Refused($"{connection.DisplayName} needs to be connected again before shipping can be pushed.");

        var shipments = await db.Set<Shipment>().AsNoTracking().Where(s => s.OrderId == orderId).ToListAsync(ct);
        var existing = shipments.FirstOrDefault(s => string.Equals(s.TrackingNumber, tracking, StringComparison.OrdinalIgnoreCase));
        if (existing?.State == ShipmentState.Pushed)
            return new(ShipmentState.Pushed, $"Tracking {existing.TrackingNumber} was pushed already ({(await timeZone.CurrentAsync(ct)).Format(existing.PushedAt!.Value)}).", existing.Id);

        var shippedBefore = ShippedQuantities(shipments.Where(s => s.State == ShipmentState.Pushed));
        var (lines, linesProblem) = Lines(order, input.Lines, shippedBefore);
        if (linesProblem is not null) return ShipmentOutcome.Refused(linesProblem);

        var shipment = await SaveAttemptAsync(existing, order, input, tracking, lines, actor, now, ct);
        var unsure = existing is { State: ShipmentState.Pushing or ShipmentState.Unconfirmed };
        var completes = order.Lines.All(l => shippedBefore.GetValueOrDefault(l.ExternalLineId) + lines.Where(p => p.Line == l).Sum(p => p.Quantity) >= l.Quantity);
        var push = new ShipmentPush(shipment.Id, order, lines, input.Carrier.Trim(), tracking, shipment.ShippedAt, completes);

        ShipmentOutcome outcome;
        try
        {
            var api = await apis.OpenAsync(connection, actor, ct);
            var found = unsure ? await pusher.FindAsync(api, push, ct) : null;
            var externalId = found is not null ? found.ExternalId : await pusher.PushAsync(api, push, ct);
            outcome = await FinishAsync(shipment.Id, order, ShipmentState.Pushed, externalId, null, actor, completes, ct);
        }
        catch (MarketplaceException e) when (e.Kind is MarketplaceErrorKind.Transient)
        {
            outcome = await FinishAsync(shipment.Id, order, ShipmentState.Unconfirmed, null, e.Message, actor, completes, ct);
        }
        catch (Exception e) when (e is MarketplaceException or InvalidAccountParameterException)
        {
            outcome = await FinishAsync(shipment.Id, order, ShipmentState.Rejected, null, e.Message, actor, completes, ct);
        }
        LogPushed(logger, order.Id, order.Marketplace, actor, outcome.State?.ToString() ?? "");
        return outcome;
    }

    private static Dictionary<string, int> ShippedQuantities(IEnumerable<Shipment> pushed) =>
        pushed.SelectMany(s => s.Lines).GroupBy(l => l.ExternalLineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));

    /// <summary>The lines to ship: those asked for, or every line's remaining quantity.</summary>
    private static (IReadOnlyList<ShipmentPushLine> Lines, string? Problem) Lines(Order order, IReadOnlyList<ShipmentLine> asked, Dictionary<string, int> shipped)
    {
        int Remaining(OrderLine line) => line.Quantity - shipped.GetValueOrDefault(line.ExternalLineId);
        if (asked.Count == 0)
        {
            var all = order.Lines.Where(l => Remaining(l) > 0).Select(l => new ShipmentPushLine(l, Remaining(l))).ToList();
            return all.Count == 0 ? ([], "Everything on this order has been shipped already.") : (all, null);
        }
        var lines = new List<ShipmentPushLine>();
        foreach (var line in asked)
        {
            var orderLine = order.Lines.FirstOrDefault(l => l.ExternalLineId == line.ExternalLineId);
            if (orderLine is null) return ([], $"Line {line.ExternalLineId} is not on this order.");
            if (line.Quantity > Remaining(orderLine))
                return ([], $"Only {Remaining(orderLine)} of {orderLine.Title} {(Remaining(orderLine) == 1 ? "is" : "are")} left to ship.");
            lines.Add(new ShipmentPushLine(orderLine, line.Quantity));
        }
        return (lines, null);
    }

    /// <summary>Commits the attempt before the marketplace is called, so a lost answer is remembered.</summary>
    private async Task<Shipment> SaveAttemptAsync(Shipment? existing, Order order, ShipmentInput input, string tracking,
        IReadOnlyList<ShipmentPushLine> lines, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var shipment = existing is null
            ? db.Set<Shipment>().Add(new Shipment
            {
                Id = Guid.NewGuid(), OrderId = order.Id, ConnectionId = order.ConnectionId, Carrier = "", TrackingNumber = tracking,
                CreatedAt = now, CreatedBy = actor,
            }).Entity
            : db.Set<Shipment>().Attach(existing).Entity;
        shipment.Carrier = input.Carrier.Trim();
        // The ship date is a day of the shop's: today is now; an earlier day is noon there, never after now.
        var zone = await timeZone.CurrentAsync(ct);
        var noon = zone.StartOf(input.ShipDate).AddHours(12);
        shipment.ShippedAt = input.ShipDate == zone.DayOf(now) || noon > now ? now : noon;
        shipment.Lines = lines.Select(l => new ShipmentLine(l.Line.ExternalLineId, l.Quantity)).ToList();
        shipment.State = ShipmentState.Pushing;
        shipment.Attempts++;
        shipment.LastAttemptAt = now;
        shipment.Error = null;
        await db.SaveChangesAsync(ct);
        return shipment;
    }

    private async Task<ShipmentOutcome> FinishAsync(Guid shipmentId, Order order, ShipmentState state, string? externalId, string? error,
        string actor, bool completes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var shipment = await db.Set<Shipment>().SingleAsync(s => s.Id == shipmentId, CancellationToken.None);
        shipment.State = state;
        shipment.Error = error;
        if (state == ShipmentState.Pushed)
        {
            shipment.PushedAt = now;
            shipment.ExternalId = externalId;
        }
        var marketplace = catalog[order.Marketplace].Name;
        var message = state switch
        {
            ShipmentState.Pushed => $"Shipped with {shipment.Carrier} {shipment.TrackingNumber}: pushed to {marketplace}.",
            ShipmentState.Unconfirmed => $"No answer from {marketplace} for {shipment.Carrier} {shipment.TrackingNumber} ({error}). Try again: the retry checks whether it arrived before pushing.",
            _ => $"{marketplace} refused {shipment.Carrier} {shipment.TrackingNumber}: {error}",
        };
        db.Set<OrderEvent>().Add(new OrderEvent
        {
            OrderId = order.Id, At = now, Actor = actor, Message = message,
            Kind = state switch
            {
                ShipmentState.Pushed => OrderEventKind.ShipmentPushed,
                ShipmentState.Unconfirmed => OrderEventKind.ShipmentUnconfirmed,
                _ => OrderEventKind.ShipmentRejected,
            },
        });
        if (state == ShipmentState.Pushed)
        {
            var status = completes ? OrderStatus.Fulfilled : OrderStatus.PartiallyFulfilled;
            await db.Set<Order>().Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status), CancellationToken.None);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        changes.Changed();
        return new ShipmentOutcome(state, message, shipmentId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment for order {OrderId} on {Marketplace} by {Actor}: {State}")]
    private static partial void LogPushed(ILogger logger, Guid orderId, string marketplace, string actor, string state);
}
