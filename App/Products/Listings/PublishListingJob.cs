using Hangfire;

namespace Marketplaces.Products.Listings;

/// <summary>One listing's publish as a Hangfire job: retried (three times, Hangfire's growing delays) only when the marketplace could not be reached.</summary>
[AutomaticRetry(Attempts = 3)]
public sealed class PublishListingJob(ListingPublishes publishes)
{
    public Task RunAsync(Guid listingId, string actor, CancellationToken ct) => publishes.PublishAsync(listingId, actor, ct);
}
