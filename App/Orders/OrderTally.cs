using Marketplaces.Database;
using Marketplaces.Polling;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Orders;

public sealed class OrderTally : IFeedTally
{
    public string Feed => FeedNames.Orders;

    public Task<int> CountAsync(AppDbContext db, Guid connectionId, CancellationToken ct) =>
        db.Set<Order>().CountAsync(o => o.ConnectionId == connectionId, ct);
}
