using System.Text.Json;
using Marketplaces.RateLimits;

namespace Marketplaces.Shopify;

/// <summary>
/// The <c>extensions.cost</c> every Admin GraphQL answer carries (fact sheet §6): what the query asked for, what it
/// really cost (null when it did not run), and the app+shop bucket's size, level and restore rate in points.
/// </summary>
/// <param name="RefusedForCost">The query asked for more than one query may (MAX_COST_EXCEEDED): it never ran and is not sent again.</param>
public sealed record ShopifyQueryCost(
    double RequestedQueryCost, double? ActualQueryCost, double MaximumAvailable, double CurrentlyAvailable, double RestoreRate, bool RefusedForCost = false)
{
    /// <returns>null when the answer carries no complete cost block.</returns>
    public static ShopifyQueryCost? Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object
            || !extensions.TryGetProperty("cost", out var cost) || cost.ValueKind != JsonValueKind.Object
            || !cost.TryGetProperty("throttleStatus", out var status) || status.ValueKind != JsonValueKind.Object)
            return null;
        return Number(cost, "requestedQueryCost") is { } requested
               && Number(status, "maximumAvailable") is { } maximum
               && Number(status, "currentlyAvailable") is { } available
               && Number(status, "restoreRate") is { } restore
            ? new ShopifyQueryCost(requested, Number(cost, "actualQueryCost"), maximum, available, restore, MaxCostExceeded(root))
            : null;
    }

    /// <summary>
    /// How many calls like this one a second the bucket sustains: the restore rate over what the call really cost
    /// (the bucket takes the requested cost up front and refunds the difference). None for a query refused for its cost:
    /// taken for a rate, its cost held every later call of the shop back (one refused 10,000-point query made it one
    /// call in 100 s).
    /// </summary>
    public double? CallsPerSecond => RestoreRate > 0 && !RefusedForCost ? RestoreRate / Math.Max(1, ActualQueryCost ?? RequestedQueryCost) : null;

    /// <summary>
    /// The bucket as it stands, for the limiter to spend the points it holds (not only its restore rate); the call's
    /// cost is what it requested, which Shopify takes before a query runs (and refunds in part later).
    /// </summary>
    public ObservedBucket? Bucket => CallsPerSecond is null ? null : new ObservedBucket(MaximumAvailable, CurrentlyAvailable, RequestedQueryCost);

    private static bool MaxCostExceeded(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
        && errors.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object
                                            && x.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() == "MAX_COST_EXCEEDED");

    private static double? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
