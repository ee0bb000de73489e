using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Marketplaces.Amazon.Sandbox;
using Marketplaces.Catalog;
using Marketplaces.RateLimits;

namespace Marketplaces.Sandbox;

/// <summary>
/// The emulators enforce the marketplaces' call limits and refuse with 429 in each marketplace's own format. The
/// limits are this file's constants from the fact sheets, not the catalog's, so that a catalog mistake shows up as
/// a 429 in a test. Applied as an endpoint filter on every emulator route; calls the table does not name pass.
/// <c>Sandbox:RateLimits:Enabled</c> (default true) switches it off; <c>Sandbox:RateLimits:Force429:{marketplace}</c>
/// (seconds) or <see cref="Force429"/> refuses the next limited call with that Retry-After;
/// <c>Sandbox:RateLimits:Limits:{marketplace}</c> (an <see cref="OperationLimit"/>) replaces the sheet's limit of every
/// operation of that marketplace, for benchmarks that need a limit reached in seconds.
/// </summary>
public sealed partial class SandboxRateLimits
{
    private readonly ConcurrentDictionary<(string Marketplace, string Caller, string Operation), RateGate> _gates = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _forced = new();
    private readonly Dictionary<string, OperationLimit> _replaced;
    private readonly SandboxJournal _journal;
    private readonly TimeProvider _clock;

    public SandboxRateLimits(IConfiguration configuration, SandboxJournal journal, TimeProvider clock)
    {
        _journal = journal;
        _clock = clock;
        Enabled = configuration.GetValue("Sandbox:RateLimits:Enabled", true);
        _replaced = configuration.GetSection("Sandbox:RateLimits:Limits").GetChildren()
            .ToDictionary(s => s.Key, s => s.Get<OperationLimit>() ?? new OperationLimit(), StringComparer.OrdinalIgnoreCase);
        foreach (var force in configuration.GetSection("Sandbox:RateLimits:Force429").GetChildren())
        {
            if (double.TryParse(force.Value, CultureInfo.InvariantCulture, out var seconds)) Force429(force.Key, TimeSpan.FromSeconds(seconds));
        }
    }

    public bool Enabled { get; }

    /// <summary>The marketplace's next limited call is refused with 429 and <c>Retry-After</c>, whatever its allowance.</summary>
    public void Force429(string marketplace, TimeSpan retryAfter) => _forced[marketplace] = retryAfter;

    public async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Refusal(context.HttpContext) ?? await next(context);

    /// <summary>
    /// For a gateway whose operation is named in the body (AliExpress's <c>method</c>), which answers its own refusal:
    /// null when the call may go, else how long until it may.
    /// </summary>
    public TimeSpan? Refuses(string marketplace, string caller, string operation, OperationLimit limit)
    {
        if (!Enabled) return null;
        limit = _replaced.GetValueOrDefault(marketplace) ?? limit;
        var now = _clock.GetUtcNow();
        TimeSpan? wait = _forced.TryRemove(marketplace, out var forced) ? forced : null;
        if (wait is null)
        {
            var admission = _gates.GetOrAdd((marketplace, caller, operation), _ => new RateGate(limit, now, pace: 1, TimeSpan.Zero)).TryEnter(now);
            if (admission.Granted) return null;
            wait = admission.ExhaustedUntil is { } reset ? reset - now : admission.Wait;
        }
        _journal.Request(marketplace, "429");
        return wait;
    }

    private IResult? Refusal(HttpContext http)
    {
        if (!Enabled) return null;
        var request = http.Request;
        foreach (var api in Apis)
        {
            if (api.Prefixes.FirstOrDefault(p => request.Path.StartsWithSegments(p)) is not { } prefix) continue;
            if (api.Operation(request.Method, request.Path.Value![prefix.Length..]) is not { } operation) return null;
            var limit = _replaced.GetValueOrDefault(api.Marketplace) ?? api.Limits(operation);
            if (_forced.TryRemove(api.Marketplace, out var forced))
            {
                http.Response.Headers.RetryAfter = Seconds(forced);
                return Refuse(api, http, limit, forced);
            }
            var gate = _gates.GetOrAdd((api.Marketplace, api.Caller(request), operation), _ => new RateGate(limit, _clock.GetUtcNow(), pace: 1, TimeSpan.Zero));
            var now = _clock.GetUtcNow();
            var admission = gate.TryEnter(now);
            if (admission.Granted) return null;
            return Refuse(api, http, limit, admission.ExhaustedUntil is { } reset ? reset - now : admission.Wait);
        }
        return null;
    }

    private IResult Refuse(LimitedApi api, HttpContext http, OperationLimit limit, TimeSpan wait)
    {
        _journal.Request(api.Marketplace, "429");
        return api.TooMany(http.Response, limit, wait);
    }

    private static string Seconds(TimeSpan wait) => Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>One marketplace's limited API: which calls count as which operation, whose allowance they spend, and its 429.</summary>
    private sealed record LimitedApi(
        string Marketplace,
        string[] Prefixes,
        Func<string, string, string?> Operation,
        Func<string, OperationLimit> Limits,
        Func<HttpRequest, string> Caller,
        Func<HttpResponse, OperationLimit, TimeSpan, IResult> TooMany);

    private static readonly LimitedApi[] Apis = [Amazon(), Ebay(), Etsy(), TikTok(), Shopify()];

    /// <summary>amazon.md §2-§3: rate/burst per operation from the model files, per seller (here: per access token).</summary>
    private static LimitedApi Amazon()
    {
        var listingsItem = ListingsItemPath();
        (string Method, Regex Path, string Name, double Rate, int Burst)[] operations =
        [
            ("GET", new Regex("^/sellers/v1/marketplaceParticipations$"), "getMarketplaceParticipations", 0.016, 15),
            ("GET", new Regex("^/orders/v0/orders$"), "getOrders", 0.0167, 20),
            ("GET", new Regex("^/orders/v0/orders/[^/]+/orderItems$"), "getOrderItems", 0.5, 30),
            ("POST", new Regex("^/orders/v0/orders/[^/]+/shipmentConfirmation$"), "confirmShipment", 2, 10),
            ("GET", new Regex("^/orders/2026-01-01/orders$"), "searchOrders", 0.0056, 20),
            ("GET", new Regex("^/orders/2026-01-01/orders/[^/]+$"), "getOrder", 0.5, 30),
            ("GET", listingsItem, "getListingsItem", 5, 10),
            ("PUT", listingsItem, "putListingsItem", 5, 10),
            ("PATCH", listingsItem, "patchListingsItem", 5, 5),
            ("DELETE", listingsItem, "deleteListingsItem", 5, 5),
            ("GET", new Regex("^/listings/2021-08-01/items/[^/]+$"), "searchListingsItems", 5, 5),
            ("GET", new Regex("^/definitions/2020-09-01/productTypes$"), "searchDefinitionsProductTypes", 5, 10),
            ("GET", new Regex("^/definitions/2020-09-01/productTypes/[^/]+$"), "getDefinitionsProductType", 5, 10),
            ("GET", new Regex("^/catalog/2022-04-01/items(/[^/]+)?$"), "catalogItems", 2, 2),
            ("GET", new Regex("^/messaging/v1/orders/[^/]+$"), "getMessagingActionsForOrder", 1, 5),
            ("POST", new Regex("^/notifications/v1/subscriptions/[^/]+$"), "createSubscription", 1, 5),
            ("POST", new Regex("^/tokens/2021-03-01/restrictedDataToken$"), "createRestrictedDataToken", 1, 10),
        ];
        return new LimitedApi("amazon", ["/sandbox/amazon/sp-api"],
            (method, path) => operations.FirstOrDefault(o => o.Method == method && o.Path.IsMatch(path)).Name,
            name => operations.Where(o => o.Name == name).Select(o => new OperationLimit { RatePerSecond = o.Rate, Burst = o.Burst }).First(),
            request => request.Headers["x-amz-access-token"].ToString(),
            (response, limit, _) =>
            {
                response.Headers["x-amzn-RateLimit-Limit"] = limit.RatePerSecond!.Value.ToString(CultureInfo.InvariantCulture);
                response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
                return AmazonSpApi.Errors(StatusCodes.Status429TooManyRequests, "QuotaExceeded", "You exceeded your quota for the requested resource.");
            });
    }

    /// <summary>
    /// ebay.md §3: per day per application per API (the path's first two segments: sell.fulfillment,
    /// commerce.identity), Pacific-time days; Account 25,000, Notification 10,000, the APIs the sheet does not list
    /// 10,000. No rate-limit headers; error 2001.
    /// </summary>
    private static LimitedApi Ebay() => new("ebay", ["/sandbox/ebay/api", "/sandbox/ebay/apiz"],
        (_, path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var family, var api, ..] ? $"{family}.{api}" : null,
        api => new OperationLimit
        {
            PerDay = api switch { "sell.account" => 25_000, _ => 10_000 }, DayResetsIn = "America/Los_Angeles", Scope = LimitScope.Application,
        },
        _ => "",
        (_, _, _) => Results.Json(new
        {
            errors = new[]
            {
                new { errorId = 2001, domain = "ACCESS", category = "REQUEST", message = "Too many requests", longMessage = "The request limit has been reached for the resource." },
            },
        }, statusCode: StatusCodes.Status429TooManyRequests));

    /// <summary>etsy.md §3: per API key, 10 per second and 10,000 per rolling day; 429 with retry-after and Etsy's <c>{"error"}</c> body (wording: sheet silent).</summary>
    private static LimitedApi Etsy() => new("etsy", ["/sandbox/etsy/openapi/v3/application"],
        (_, _) => "api",
        _ => new OperationLimit { PerSecond = 10, PerDay = 10_000, Scope = LimitScope.Application },
        request => request.Headers["x-api-key"].ToString().Split(':')[0],
        (response, _, wait) =>
        {
            response.Headers.RetryAfter = Seconds(wait);
            return Results.Json(new { error = "You have exceeded your rate limit. Please try again later." }, statusCode: StatusCodes.Status429TooManyRequests);
        });

    /// <summary>tiktok.md §3: one-minute windows per user access token and endpoint; no Retry-After; the v2 envelope with rate_limit_exceeded.</summary>
    private static LimitedApi TikTok()
    {
        Dictionary<string, (string Name, int PerMinute)> endpoints = new()
        {
            ["/v2/post/publish/video/init/"] = ("video.init", 6),
            ["/v2/post/publish/inbox/video/init/"] = ("video.init", 6),
            ["/v2/post/publish/creator_info/query/"] = ("creator_info", 20),
            ["/v2/post/publish/status/fetch/"] = ("status.fetch", 30),
            ["/v2/user/info/"] = ("user.info", 600),
            ["/v2/video/list/"] = ("video.list", 600),
            ["/v2/video/query/"] = ("video.query", 600),
        };
        return new LimitedApi("tiktok", ["/sandbox/tiktok/open-api"],
            (_, path) => endpoints.TryGetValue(path, out var endpoint) ? endpoint.Name : null,
            name => new OperationLimit { PerMinute = endpoints.Values.First(e => e.Name == name).PerMinute },
            request => request.Headers.Authorization.ToString(),
            (_, _, _) => Results.Json(new
            {
                data = new { },
                error = new { code = "rate_limit_exceeded", message = "The API rate limit was exceeded. Please try again later.", log_id = Guid.NewGuid().ToString("N") },
            }, statusCode: StatusCodes.Status429TooManyRequests));
    }

    /// <summary>
    /// shopify.md §6: the limit is a bucket of query cost points, which only the GraphQL endpoint can price
    /// (<c>ShopifyGraphQlEndpoint</c> answers THROTTLED itself). Here, the call count that bucket implies at most: every
    /// call costs at least a point, so no more than 2,000 at once and 100 a second; and <see cref="Force429"/>'s 429
    /// with Retry-After and the THROTTLED error.
    /// </summary>
    private static LimitedApi Shopify() => new("shopify", ["/sandbox/shopify"],
        (_, path) => ShopifyGraphQlPath().IsMatch(path) ? "graphql" : null,
        _ => new OperationLimit { RatePerSecond = 100, Burst = 2000 },
        request => request.Headers["X-Shopify-Access-Token"].ToString(),
        (response, _, wait) =>
        {
            response.Headers.RetryAfter = Seconds(wait);
            return Results.Json(new
            {
                errors = new[] { new { message = "Throttled", extensions = new { code = "THROTTLED", documentation = "https://shopify.dev/api/usage/limits#rate-limits" } } },
            }, statusCode: StatusCodes.Status429TooManyRequests);
        });

    [GeneratedRegex("^/listings/2021-08-01/items/[^/]+/[^/]+$")]
    private static partial Regex ListingsItemPath();

    [GeneratedRegex("^/[^/]+/admin/api/[^/]+/graphql\\.json$")]
    private static partial Regex ShopifyGraphQlPath();
}
