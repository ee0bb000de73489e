using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Polling;

namespace Marketplaces.Orders;

/// <summary>A page of an orders feed.</summary>
public sealed record OrderBatch(IReadOnlyList<MarketplaceOrder> Orders) : IFeedBatch
{
    public int Count => Orders.Count;

    public IReadOnlyList<Type> Tables => [typeof(Order)];

    public Task SaveAsync(AppDbContext db, Connection connection, DateTimeOffset seenAt, CancellationToken ct) =>
        OrderUpserts.UpsertAsync(db, connection, Orders, seenAt, ct);
}
