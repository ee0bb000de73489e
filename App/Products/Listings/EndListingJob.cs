using Hangfire;

namespace Marketplaces.Products.Listings;

/// <summary>One listing taken off sale as a Hangfire job; a refusal is recorded on the listing, not retried.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class EndListingJob(ListingPublishes publishes)
{
    public Task RunAsync(Guid listingId, string actor, CancellationToken ct) => publishes.EndAsync(listingId, actor, ct);
}
