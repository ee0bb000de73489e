using Marketplaces.Catalog;

namespace Marketplaces.Tests.Conformance;

/// <summary>
/// A marketplace whose built-in sandbox API is held to its OpenAPI files: every call under the catalog's
/// BuiltInSandbox <c>apiBaseUrl</c> (e.g. <c>/sandbox/ebay/api</c>) must be an operation of one of them. The OAuth
/// token endpoints (eBay's under its API's base, as on eBay's host) and eBay's Commerce Identity call
/// (<c>/sandbox/ebay/apiz/…</c>) are not checked: the provided specs do not describe them.
/// </summary>
public sealed partial class SandboxApi
{
    private static readonly MarketplaceCatalog Catalog = MarketplaceCatalog.Load();

    public static readonly IReadOnlyList<SandboxApi> All =
    [
        new("amazon", ["amazon/orders_2026-01-01.json", "amazon/ordersV0.json", "amazon/sellers.json", "amazon/listingsItems_2021-08-01.json", "amazon/definitionsProductTypes_2020-09-01.json",
            "amazon/messaging.json"], [], [], []),
        // eBay's OAS files list only each call's own errors; 401, 403 and 429 are the common errors every eBay API may
        // answer (ebay.md §3), so they are accepted undeclared, their bodies unchecked.
        // The token endpoint shares the REST API's host (api.sandbox.ebay.com) but no provided spec describes it.
        // The Inventory API's product.aspects (and a group's aspects) are typed string in the contract but go on the wire as
        // an object of name → array of strings (ebay.md "Publish a product"): the emulator and the app do as eBay does.
        new("ebay", ["ebay/sell_fulfillment_v1_oas3.json", "ebay/sell_inventory_v1_oas3.json", "ebay/sell_account_v1_oas3.json", "ebay/commerce_taxonomy_v1_oas3.json",
            "ebay/commerce_notification_v1_oas3.json", "ebay/commerce_message_v1_oas3.json"],
            [401, 403, 429],
            [
                "request body.product.aspects: expected string", "request body.aspects: expected string", "200 body.product.aspects: expected string",
                "200 body.aspects: expected string", "200 body.inventoryItems[].product.aspects: expected string",
            ],
            ["/identity/v1/oauth2/token"]),
        // Etsy documents its rate limit's 429 (etsy.md §3) but no operation in 3.0.0.json declares it. An expired
        // token gets 401 {"error":"invalid_token","error_description":…} (etsy.md §1.2): one property more than
        // ErrorSchema, which the emulator reproduces.
        new("etsy", ["etsy/3.0.0.json"], [429], ["401 body.error_description: not in the schema"], []),
    ];

    private readonly Lazy<IReadOnlyList<OpenApiSpec>> _specs;

    private readonly IReadOnlySet<string> _unchecked;

    private SandboxApi(string marketplaceId, string[] files, int[] undeclaredStatuses, string[] knownDeviations, string[] uncheckedPaths)
    {
        _unchecked = uncheckedPaths.ToHashSet();
        MarketplaceId = marketplaceId;
        var apiBaseUrl = Catalog[marketplaceId].Endpoints(MarketplaceEnvironment.BuiltInSandbox)!.ApiBaseUrl;
        BasePath = apiBaseUrl.Replace("{sandbox}", "/sandbox", StringComparison.Ordinal);
        UndeclaredStatuses = undeclaredStatuses.ToHashSet();
        KnownDeviations = knownDeviations.ToHashSet();
        _specs = new(() => [.. files.Select(OpenApiSpec.Load)]);
    }

    public string MarketplaceId { get; }

    /// <summary>The API's root path on the app's own host, e.g. <c>/sandbox/ebay/api</c>.</summary>
    public string BasePath { get; }

    /// <summary>Statuses the marketplace documents for every call though its spec files do not declare them.</summary>
    public IReadOnlySet<int> UndeclaredStatuses { get; }

    /// <summary>
    /// Where the real API is known to differ from its spec, not reported: beginnings of "{status} {violation}" for
    /// answers and "request {violation}" for calls, array indexes written <c>[]</c>.
    /// </summary>
    public IReadOnlySet<string> KnownDeviations { get; }

    public bool Deviates(string violation)
    {
        var general = ArrayIndex().Replace(violation, "[]");
        return KnownDeviations.Any(known => general.StartsWith(known, StringComparison.Ordinal));
    }

    public IReadOnlyList<OpenApiSpec> Specs => _specs.Value;

    /// <summary>The API <paramref name="url"/> falls under and the path after its base, or null for any other URL.</summary>
    public static (SandboxApi Api, string Path)? For(Uri url)
    {
        var path = url.AbsolutePath;
        foreach (var api in All)
        {
            if (path.StartsWith(api.BasePath, StringComparison.Ordinal) && path.Length > api.BasePath.Length && path[api.BasePath.Length] == '/'
                && !api._unchecked.Contains(path[api.BasePath.Length..]))
                return (api, path[api.BasePath.Length..]);
        }
        return null;
    }

    /// <summary>The operation for a call, or null when none of the files has one; literal segments beat variables.</summary>
    public (SpecOperation Operation, Dictionary<string, string> PathValues)? Find(HttpMethod method, string path) =>
        Specs.SelectMany(s => s.Operations)
            .Where(o => o.Method == method)
            .Select(o => (Operation: o, PathValues: o.Match(path)))
            .Where(m => m.PathValues is not null)
            .OrderByDescending(m => m.Operation.LiteralSegments)
            .Select(m => ((SpecOperation, Dictionary<string, string>)?)(m.Operation, m.PathValues!))
            .FirstOrDefault();

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex ArrayIndex();
}
