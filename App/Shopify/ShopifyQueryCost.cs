using System.Text.Json;

namespace Marketplaces.Shopify;

/// <summary>
/// The <c>extensions.cost</c> every Admin GraphQL answer carries (fact sheet §6): what the query asked for, what it
/// really cost (null when it did not run), and the app+shop bucket's size, level and restore rate in points.
/// </summary>
public sealed record ShopifyQueryCost(
    double RequestedQueryCost, double? ActualQueryCost, double MaximumAvailable, double CurrentlyAvailable, double RestoreRate)
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
            ? new ShopifyQueryCost(requested, Number(cost, "actualQueryCost"), maximum, available, restore)
            : null;
    }

    /// <summary>
    /// How many calls like this one a second the bucket sustains: the restore rate over what the call really cost
    /// (the bucket takes the requested cost up front and refunds the difference).
    /// </summary>
    public double? CallsPerSecond => RestoreRate > 0 ? RestoreRate / Math.Max(1, ActualQueryCost ?? RequestedQueryCost) : null;

    private static double? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
