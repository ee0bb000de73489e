using System.Globalization;
using System.Text.RegularExpressions;
using Marketplaces.Sandbox.Orders;
using Microsoft.Extensions.Primitives;

namespace Marketplaces.Amazon.Sandbox.Orders;

/// <summary>
/// searchOrders' query (orders_2026-01-01.json): exactly one of <c>createdAfter</c>/<c>lastUpdatedAfter</c>, never mixed
/// with the other family's bound; a <c>…Before</c> at or after its <c>…After</c> and at least two minutes old; arrays
/// comma-separated (Swagger csv) and limited to their enums; <c>maxResultsPerPage</c> 1..100. Parameters the model does
/// not define are refused, so a v0 spelling (<c>MarketplaceIds</c>, <c>NextToken</c>) shows up at once.
/// </summary>
internal sealed partial record AmazonSearchOrdersQuery(
    bool ByCreation, DateTimeOffset After, DateTimeOffset? Before, IReadOnlySet<string> MarketplaceIds, IReadOnlySet<string>? FulfillmentStatuses,
    IReadOnlySet<string>? FulfilledBy, int MaxResultsPerPage, string? PaginationToken, IReadOnlySet<string> Included, string Filter)
{
    public const int MaxPageSize = 100;
    private const int MaxMarketplaceIds = 50;

    private static readonly string[] Known =
    [
        "createdAfter", "createdBefore", "lastUpdatedAfter", "lastUpdatedBefore", "fulfillmentStatuses", "marketplaceIds", "fulfilledBy",
        "maxResultsPerPage", "paginationToken", "includedData",
    ];

    /// <summary>A token stands for the rest of a walk: every parameter but these must be sent again unchanged.</summary>
    private static readonly string[] Changeable = ["maxResultsPerPage", "includedData", "paginationToken"];

    private static readonly string[] Statuses = ["PENDING_AVAILABILITY", "PENDING", "UNSHIPPED", "PARTIALLY_SHIPPED", "SHIPPED", "CANCELLED", "UNFULFILLABLE"];

    public bool Matches(SandboxOrder order, DateTimeOffset bound)
    {
        var at = ByCreation ? order.CreatedAt : order.ModifiedAt;
        return at >= After && at <= bound
            && MarketplaceIds.Contains(AmazonOrderJson.Marketplace(order).Id)
            && (FulfillmentStatuses is null || FulfillmentStatuses.Contains(AmazonOrderJson.FulfillmentStatus(order)))
            && (FulfilledBy is null || FulfilledBy.Contains("MERCHANT"));
    }

    /// <param name="participations">The caller's marketplaces: the default, and the only ones it may name.</param>
    public static (AmazonSearchOrdersQuery? Query, IResult? Error) Parse(IQueryCollection query, IReadOnlyList<string> participations, DateTimeOffset now)
    {
        if (query.Keys.FirstOrDefault(k => !Known.Contains(k, StringComparer.Ordinal)) is { } unknown)
            return Invalid($"{unknown} is not a parameter of searchOrders.");
        if (query.FirstOrDefault(p => p.Value.Count > 1) is { Key: not null } repeated)
            return Invalid($"{repeated.Key} is given more than once; list values are comma-separated.");

        string? One(string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;
        var (createdAfter, lastUpdatedAfter) = (One("createdAfter"), One("lastUpdatedAfter"));
        if ((createdAfter is null) == (lastUpdatedAfter is null)) return Invalid("Exactly one of createdAfter and lastUpdatedAfter must be provided.");
        var byCreation = createdAfter is not null;
        var (before, otherBefore) = byCreation ? ("createdBefore", "lastUpdatedBefore") : ("lastUpdatedBefore", "createdBefore");
        if (One(otherBefore) is not null) return Invalid($"{otherBefore} cannot be combined with {(byCreation ? "createdAfter" : "lastUpdatedAfter")}.");
        var afterName = byCreation ? "createdAfter" : "lastUpdatedAfter";
        if (!TryTime(byCreation ? createdAfter! : lastUpdatedAfter!, out var after)) return Invalid($"{afterName} is not an ISO 8601 date-time.");
        DateTimeOffset? beforeTime = null;
        if (One(before) is { } beforeText)
        {
            if (!TryTime(beforeText, out var parsed)) return Invalid($"{before} is not an ISO 8601 date-time.");
            if (parsed < after) return Invalid($"{before} must be equal to or after {afterName}.");
            if (parsed > now - TimeSpan.FromMinutes(2)) return Invalid($"{before} must be at least two minutes before the time of the request.");
            beforeTime = parsed;
        }

        var (marketplaces, marketplacesError) = List(query, "marketplaceIds", null);
        if (marketplacesError is not null) return (null, marketplacesError);
        if (marketplaces?.Count > MaxMarketplaceIds) return Invalid($"marketplaceIds takes at most {MaxMarketplaceIds} values.");
        if (marketplaces?.FirstOrDefault(id => !participations.Contains(id)) is { } foreign)
            return Invalid($"The seller does not participate in marketplace {foreign}.");
        var (statuses, statusesError) = List(query, "fulfillmentStatuses", Statuses);
        if (statusesError is not null) return (null, statusesError);
        var (fulfilledBy, fulfilledByError) = List(query, "fulfilledBy", ["MERCHANT", "AMAZON"]);
        if (fulfilledByError is not null) return (null, fulfilledByError);
        var (included, includedError) = List(query, "includedData", [.. AmazonOrderJson.Datasets]);
        if (includedError is not null) return (null, includedError);

        var pageSize = MaxPageSize;
        if (One("maxResultsPerPage") is { } size
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
            return Invalid($"maxResultsPerPage must be an integer between 1 and {MaxPageSize}.");
        if (One("paginationToken") is "") return Invalid("paginationToken is empty.");

        var filter = string.Join("&", query.Where(p => !Changeable.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return (new AmazonSearchOrdersQuery(byCreation, after, beforeTime, marketplaces ?? participations.ToHashSet(), statuses, fulfilledBy,
            pageSize, One("paginationToken"), included ?? new HashSet<string>(), filter), null);
    }

    /// <summary>includedData of getOrder, by the same rules.</summary>
    public static (IReadOnlySet<string>? Included, IResult? Error) ParseIncluded(IQueryCollection query)
    {
        if (query.Keys.FirstOrDefault(k => k != "includedData") is { } unknown) return (null, AmazonSpApi.InvalidInput($"{unknown} is not a parameter of getOrder."));
        if (query["includedData"].Count > 1) return (null, AmazonSpApi.InvalidInput("includedData is given more than once; list values are comma-separated."));
        var (included, error) = List(query, "includedData", [.. AmazonOrderJson.Datasets]);
        return (included ?? new HashSet<string>(), error);
    }

    private static (IReadOnlySet<string>? Values, IResult? Error) List(IQueryCollection query, string name, IReadOnlyCollection<string>? allowed)
    {
        if (!query.TryGetValue(name, out StringValues raw)) return (null, null);
        var values = raw.ToString().Split(',');
        if (values.Any(v => v.Length == 0)) return (null, AmazonSpApi.InvalidInput($"{name} has an empty value."));
        if (allowed is not null && values.FirstOrDefault(v => !allowed.Contains(v)) is { } bad)
            return (null, AmazonSpApi.InvalidInput($"{bad} is not a valid value for {name}."));
        return (values.ToHashSet(StringComparer.Ordinal), null);
    }

    private static (AmazonSearchOrdersQuery?, IResult?) Invalid(string message) => (null, AmazonSpApi.InvalidInput(message));

    private static bool TryTime(string text, out DateTimeOffset at)
    {
        at = default;
        return IsoDateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out at);
    }

    /// <summary>ISO 8601 date-time with a zone, seconds and fractions optional.</summary>
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,7})?)?(Z|[+-]\d\d:\d\d)$")]
    public static partial Regex IsoDateTime();
}
