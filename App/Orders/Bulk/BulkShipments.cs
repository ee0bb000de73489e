using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Bulk;

/// <summary>
/// Marks the CSV's orders shipped, one row after the other, each row one whole shipment of what remains on its order
/// (pushed completely or not at all), and reports every row's outcome. The order number is the one the seller sees or
/// the marketplace's id; a number found on two channels is refused rather than guessed. Each row is checked before
/// anything is pushed, for the preview, and again when it runs (an earlier row may have shipped the same order).
/// </summary>
public sealed class BulkShipments(IDbContextFactory<AppDbContext> contexts, ShipmentPushes pushes, MarketplaceCatalog catalog)
{
    /// <summary>What each row would do: ready to push, skipped (already shipped) or refused, and why.</summary>
    public async Task<IReadOnlyList<BulkShipmentResult>> PreviewAsync(IReadOnlyList<ShipmentCsvRow> rows, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var checks = new List<BulkShipmentResult>(rows.Count);
        foreach (var row in rows) checks.Add(await CheckAsync(db, row, ct));
        return checks;
    }

    public async Task<IReadOnlyList<BulkShipmentResult>> RunAsync(IReadOnlyList<ShipmentCsvRow> rows, string actor, Action<int>? progress = null, CancellationToken ct = default)
    {
        var results = new List<BulkShipmentResult>(rows.Count);
        foreach (var row in rows)
        {
            results.Add(await RunAsync(row, actor, ct));
            progress?.Invoke(results.Count);
        }
        return results;
    }

    private async Task<BulkShipmentResult> RunAsync(ShipmentCsvRow row, string actor, CancellationToken ct)
    {
        BulkShipmentResult check;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            check = await CheckAsync(db, row, ct);
        }
        if (check.Outcome != BulkRowOutcome.Ready) return check.Outcome == BulkRowOutcome.Invalid ? check with { Outcome = BulkRowOutcome.Failed } : check;
        var outcome = await pushes.MarkShippedAsync(check.OrderId!.Value, new ShipmentInput(row.Carrier, row.TrackingNumber, row.ShipDate, []), actor, ct);
        return check with { Outcome = outcome.Succeeded ? BulkRowOutcome.Shipped : BulkRowOutcome.Failed, Message = outcome.Message };
    }

    private async Task<BulkShipmentResult> CheckAsync(AppDbContext db, ShipmentCsvRow row, CancellationToken ct)
    {
        if (row.Problem is not null) return new(row, null, BulkRowOutcome.Invalid, row.Problem);
        var matches = await db.Set<Order>().AsNoTracking()
            .Where(o => o.OrderNumber == row.OrderNumber || o.ExternalId == row.OrderNumber)
            .Join(db.Set<Connection>(), o => o.ConnectionId, c => c.Id, (o, c) => new { o.Id, o.Marketplace, o.Status, Connection = c.DisplayName, c.State })
            .Take(3).ToListAsync(ct);
        if (matches.Count == 0) return new(row, null, BulkRowOutcome.Invalid, $"No order {row.OrderNumber} was found.");
        if (matches.Count > 1)
        {
            return new(row, null, BulkRowOutcome.Invalid,
                $"Order number {row.OrderNumber} exists on {string.Join(" and ", matches.Select(m => catalog[m.Marketplace].Name).Distinct())}; mark it shipped from its order page.");
        }
        var order = matches[0];
        var marketplace = catalog[order.Marketplace].Name;
        var pushed = await db.Set<Shipment>().AsNoTracking().Where(s => s.OrderId == order.Id && s.State == ShipmentState.Pushed)
            .Select(s => s.TrackingNumber).ToListAsync(ct);
        return (order.Status, order.State) switch
        {
            _ when pushed.Contains(row.TrackingNumber, StringComparer.OrdinalIgnoreCase) =>
                new(row, order.Id, BulkRowOutcome.Skipped, $"Already shipped with {row.TrackingNumber}: skipped."),
            (OrderStatus.Fulfilled, _) => new(row, order.Id, BulkRowOutcome.Skipped, $"Already shipped on {marketplace}: skipped."),
            (OrderStatus.Cancelled, _) => new(row, order.Id, BulkRowOutcome.Invalid, $"The order was cancelled on {marketplace}."),
            (_, not ConnectionState.Connected) => new(row, order.Id, BulkRowOutcome.Invalid,
                $"{order.Connection} needs to be connected again before shipping can be pushed."),
            _ => new(row, order.Id, BulkRowOutcome.Ready, $"Ready: {marketplace} order, {(order.Status == OrderStatus.PartiallyFulfilled ? "the rest of its items" : "all its items")}."),
        };
    }
}

/// <summary>A row before it runs (<see cref="Ready"/>, <see cref="Skipped"/>, <see cref="Invalid"/>) and after (<see cref="Shipped"/>, <see cref="Skipped"/>, <see cref="Failed"/>).</summary>
public enum BulkRowOutcome { Ready, Skipped, Invalid, Shipped, Failed }

public sealed record BulkShipmentResult(ShipmentCsvRow Row, Guid? OrderId, BulkRowOutcome Outcome, string Message);
