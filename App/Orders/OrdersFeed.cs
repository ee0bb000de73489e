using Marketplaces.Polling;

namespace Marketplaces.Orders;

/// <summary>A marketplace's orders feed: every marketplace's is named <see cref="FeedNames.Orders"/> and polled every 5 minutes unless configured.</summary>
public abstract class OrdersFeed : IFeed
{
    public abstract string MarketplaceId { get; }
    public string Name => FeedNames.Orders;
    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(5);

    public abstract Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct);
}
