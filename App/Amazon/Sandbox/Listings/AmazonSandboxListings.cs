using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Marketplaces.Amazon.Sandbox.Listings;

/// <summary>Every sandbox seller's listings items by SKU, each seller's under its own lock.</summary>
internal sealed class AmazonSandboxListings
{
    private readonly ConcurrentDictionary<string, AmazonSandboxSellerListings> _sellers = new(StringComparer.Ordinal);

    public AmazonSandboxSellerListings Seller(string sellerId) => _sellers.GetOrAdd(sellerId, id => new AmazonSandboxSellerListings(id));

    public IEnumerable<AmazonSandboxSellerListings> Sellers => _sellers.Values;
}

internal sealed class AmazonSandboxSellerListings(string sellerId)
{
    public string SellerId => sellerId;
    public object Gate { get; } = new();
    public Dictionary<string, AmazonSandboxItem> Items { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// A listings item: what the last accepted submission said, and the issues its processing found. A submission is
/// processed asynchronously (amazon.md: ACCEPTED means queued): until <see cref="ReadyAt"/> reads see the item as it
/// was before it, or not at all when it is new.
/// </summary>
internal sealed class AmazonSandboxItem
{
    public required string Sku { get; init; }
    public required string Asin { get; init; }
    public required string MarketplaceId { get; set; }
    public DateTimeOffset Created { get; init; }
    public AmazonSandboxSubmission? Current { get; set; }
    public AmazonSandboxSubmission? Pending { get; set; }

    public AmazonSandboxSubmission? Visible(DateTimeOffset now)
    {
        if (Pending is { } pending && pending.ReadyAt <= now)
        {
            Current = pending;
            Pending = null;
        }
        return Current;
    }
}

internal sealed record AmazonSandboxSubmission(string ProductType, JsonObject Attributes, IReadOnlyList<JsonObject> Issues, DateTimeOffset ReadyAt, DateTimeOffset Updated);
