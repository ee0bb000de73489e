namespace Marketplaces.RateLimits;

/// <summary>
/// A marketplace's bucket as it reported it (Shopify's points): its size and level, and what the call that reported
/// it cost, in the bucket's own unit.
/// </summary>
public readonly record struct ObservedBucket(double Size, double Level, double CallCost);
