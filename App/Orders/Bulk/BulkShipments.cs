using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Orders.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Bulk;

/// <summary>
/// Marks the CSV's orders shipped, one row after the other, each row one whole shipment of what remains on its order
/// (pushed completely or not at all), and reports every row's outcome. The order number is the one the seller sees or
/// the marketplace's id; a number found on two channels is refused rather than guessed. Every row is checked before
/// anything is pushed, for the preview (two queries for the whole file), and again when it runs.
/// </summary>
public sealed class BulkShipments(IDbContextFactory<AppDbContext> contexts, ShipmentPushes pushes, MarketplaceCatalog catalog)
{
    /// <summary>What each row would do: ready to push, skipped (already shipped) or refused, and why. Two queries for all the rows.</summary>
    public Task<IReadOnlyList<BulkShipmentResult>> PreviewAsync(IReadOnlyList<ShipmentCsvRow> rows, CancellationToken ct = default) =>
        CheckAsync(rows, ct);

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
        // Checked again now: an earlier row may have shipped the same order.
        var check = (await CheckAsync([row], ct))[0];
        if (check.Outcome != BulkRowOutcome.Ready) return check.Outcome == BulkRowOutcome.Invalid ? check with { Outcome = BulkRowOutcome.Failed } : check;
        var outcome = await pushes.MarkShippedAsync(check.OrderId!.Value, new ShipmentInput(row.Carrier, row.TrackingNumber, row.ShipDate, []), actor, ct);
        return check with { Outcome = outcome.Succeeded ? BulkRowOutcome.Shipped : BulkRowOutcome.Failed, Message = outcome.Message };
    }

    private sealed record Candidate(Guid Id, string OrderNumber, string ExternalId, string Marketplace, OrderStatus Status, string Connection, ConnectionState State);

    private async Task<IReadOnlyList<BulkShipmentResult>> CheckAsync(IReadOnlyList<ShipmentCsvRow> rows, CancellationToken ct)
    {
        var numbers = rows.Where(r => r.Problem is null).Select(r => r.OrderNumber).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var candidates = numbers.Count == 0 ? [] : await db.Set<Order>().AsNoTracking()
            .Where(o => numbers.Contains(o.OrderNumber) || numbers.Contains(o.ExternalId))
            .Join(db.Set<Connection>(), o => o.ConnectionId, c => c.Id,
                (o, c) => new Candidate(o.Id, o.OrderNumber, o.ExternalId, o.Marketplace, o.Status, c.DisplayName, c.State))
            .ToListAsync(ct);
        var ids = candidates.Select(c => c.Id).ToList();
        var pushed = (await db.Set<Shipment>().AsNoTracking().Where(s => ids.Contains(s.OrderId) && s.State == ShipmentState.Pushed)
            .Select(s => new { s.OrderId, s.TrackingNumber }).ToListAsync(ct)).ToLookup(s => s.OrderId, s => s.TrackingNumber);
        return rows.Select(row => Check(row, candidates.Where(c => c.OrderNumber == row.OrderNumber || c.ExternalId == row.OrderNumber).ToList(), pushed))
            .ToList();
    }

    private BulkShipmentResult Check(ShipmentCsvRow row, IReadOnlyList<Candidate> matches, ILookup<Guid, string> pushed)
    {
        if (row.Problem is not null) return new(row, null, BulkRowOutcome.Invalid, row.Problem);
        if (matches.Count == 0) return new(row, null, BulkRowOutcome.Invalid, $"No order {row.OrderNumber} was found.");
        if (matches.Count > 1)
        {
            return new(row, null, BulkRowOutcome.Invalid,
                $"Order number {row.OrderNumber} exists on {string.Join(" and ", matches.Select(m => catalog[m.Marketplace].Name).Distinct())}; mark it shipped from its order page.");
        }
        var order = matches[0];
        var marketplace = catalog[order.Marketplace].Name;
        return (order.Status, order.State) switch
        {
            _ when pushed[order.Id].Contains(row.TrackingNumber, StringComparer.OrdinalIgnoreCase) =>
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
