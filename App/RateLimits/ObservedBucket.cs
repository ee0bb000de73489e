namespace Marketplaces.RateLimits;

/// <summary>A marketplace's bucket as it reported it (Shopify's points), counted in calls like the one that reported it.</summary>
public readonly record struct ObservedBucket(double Size, double Level);
