using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders.Printing;

/// <summary>What a packing slip shows: who it goes to and what is in the parcel, never prices.</summary>
public sealed record PackingSlip(
    Guid Id, string Channel, string Shop, string OrderNumber, DateTimeOffset CreatedAt, string? BuyerName, PostalAddress? ShipTo,
    IReadOnlyList<PackingSlipLine> Lines);

public sealed record PackingSlipLine(string? Sku, string Title, int Quantity);

/// <summary>Packing slips for one order or a selection, in the order asked, at most <see cref="Max"/> at once.</summary>
public sealed class PackingSlips(IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog)
{
    public const int Max = 200;
    public const string Path = "/orders/packing-slips";

    public static string For(IEnumerable<Guid> orders) => $"{Path}?ids={string.Join(',', orders)}";

    public static IReadOnlyList<Guid> Read(string? ids) =>
        (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(id => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty).Where(id => id != Guid.Empty).Distinct().Take(Max).ToList();

    public async Task<IReadOnlyList<PackingSlip>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var orders = await db.Set<Order>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Join(db.Set<Connection>(), o => o.ConnectionId, c => c.Id, (o, c) => new { o.Id, o.Marketplace, Shop = c.DisplayName, o.OrderNumber, o.CreatedAt, o.BuyerName, o.ShipTo })
            .ToListAsync(ct);
        var lines = (await db.Set<OrderLine>().AsNoTracking().Where(l => ids.Contains(l.OrderId)).OrderBy(l => l.Id)
                .Select(l => new { l.OrderId, l.Sku, l.Title, l.Quantity }).ToListAsync(ct))
            .ToLookup(l => l.OrderId, l => new PackingSlipLine(l.Sku, l.Title, l.Quantity));
        var byId = orders.ToDictionary(o => o.Id);
        return ids.Where(byId.ContainsKey).Select(id => byId[id])
            .Select(o => new PackingSlip(o.Id, catalog[o.Marketplace].Name, o.Shop, o.OrderNumber, o.CreatedAt, o.BuyerName, o.ShipTo, lines[o.Id].ToList()))
            .ToList();
    }
}
