using Marketplaces.Database;
using Marketplaces.Orders.Shipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Bulk;

/// <summary>
/// Marks the CSV's orders shipped, one row after the other, each row one whole shipment of what remains on its order
/// (pushed completely or not at all), and reports every row's outcome. The order number is the one the seller sees or
/// the marketplace's id; a number found on two channels is refused rather than guessed.
/// </summary>
public sealed class BulkShipments(IDbContextFactory<AppDbContext> contexts, ShipmentPushes pushes)
{
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
        if (row.Problem is not null) return new(row, null, false, row.Problem);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var matches = await db.Set<Order>().AsNoTracking()
            .Where(o => o.OrderNumber == row.OrderNumber || o.ExternalId == row.OrderNumber)
            .Select(o => new { o.Id, o.Marketplace }).Take(3).ToListAsync(ct);
        if (matches.Count == 0) return new(row, null, false, $"No order {row.OrderNumber} was found.");
        if (matches.Count > 1)
            return new(row, null, false, $"Order number {row.OrderNumber} exists on {string.Join(" and ", matches.Select(m => m.Marketplace).Distinct())}; mark it shipped from its order page.");
        var outcome = await pushes.MarkShippedAsync(matches[0].Id, new ShipmentInput(row.Carrier, row.TrackingNumber, row.ShipDate, []), actor, ct);
        return new(row, matches[0].Id, outcome.Succeeded, outcome.Message);
    }
}

public sealed record BulkShipmentResult(ShipmentCsvRow Row, Guid? OrderId, bool Succeeded, string Message);
