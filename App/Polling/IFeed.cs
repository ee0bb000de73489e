using Marketplaces.Connections;
using Marketplaces.Database;

namespace Marketplaces.Polling;

/// <summary>
/// One kind of data read from one marketplace by polling (orders now; listings, stock, messages later). Feeds are
/// discovered by reflection: a marketplace folder adds a class, the engine runs it for every connection.
/// </summary>
public interface IFeed
{
    string MarketplaceId { get; }

    /// <summary>The feed's name, the same for every marketplace (<see cref="FeedNames"/>).</summary>
    string Name { get; }

    TimeSpan DefaultInterval { get; }

    /// <summary>
    /// One page of what changed at or after <paramref name="modifiedSince"/>; <paramref name="pageToken"/> is null for
    /// the first page, otherwise a <see cref="FeedPage.NextPageToken"/> this feed returned (possibly before a restart).
    /// </summary>
    Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct);
}

public static class FeedNames
{
    public const string Orders = "orders";
}

/// <param name="NextPageToken">Where the next page is, or null when this was the last.</param>
public sealed record FeedPage(IFeedBatch Batch, string? NextPageToken);

/// <summary>What one page brought, able to store itself idempotently inside the engine's transaction.</summary>
public interface IFeedBatch
{
    int Count { get; }

    /// <summary>The entities whose tables a page adds rows to, and later pages look rows up in (<see cref="PlannerStatistics"/>).</summary>
    IReadOnlyList<Type> Tables { get; }

    Task SaveAsync(AppDbContext db, Connection connection, DateTimeOffset seenAt, CancellationToken ct);
}
