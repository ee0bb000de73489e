using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Marketplaces.Amazon.Sandbox.Orders;

/// <summary>
/// The nextTokens searchOrders handed out (orders_2026-01-01.json, Pagination): opaque, valid 24 hours, for the
/// seller they were issued to and only with the same filter parameters. A token remembers where the walk is by the
/// last order's (createdTime, orderId) rather than by an offset, and the upper time bound fixed on the first page,
/// so orders changing or arriving during a walk neither shift nor repeat the remaining pages.
/// </summary>
internal sealed class AmazonPaginationTokens(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, Walk> _walks = new(StringComparer.Ordinal);

    public string Issue(Walk walk)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        _walks[token] = walk with { IssuedAt = clock.GetUtcNow() };
        return token;
    }

    /// <summary>The walk the token continues, or why it cannot be used.</summary>
    public (Walk? Walk, string? Problem) Find(string token, string seller, string filter)
    {
        if (!_walks.TryGetValue(token, out var walk) || walk.Seller != seller) return (null, "The paginationToken is not valid.");
        if (clock.GetUtcNow() - walk.IssuedAt > Lifetime)
        {
            _walks.TryRemove(token, out _);
            return (null, "The paginationToken has expired.");
        }
        return walk.Filter == filter ? (walk, null)
            : (null, "The other parameters must have the values of the request that returned the paginationToken (only maxResultsPerPage and includedData may change).");
    }

    /// <param name="Bound">The lastUpdatedBefore/createdBefore of the whole walk.</param>
    /// <param name="AfterCreated">The last order served: the walk continues after it.</param>
    public sealed record Walk(string Seller, string Filter, DateTimeOffset Bound, DateTimeOffset AfterCreated, string AfterOrderId)
    {
        public DateTimeOffset IssuedAt { get; init; }
    }
}
