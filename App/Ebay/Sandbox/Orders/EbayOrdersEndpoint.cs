using System.Globalization;
using System.Text.Json;
using Marketplaces.Sandbox.Orders;
using Microsoft.AspNetCore.Http.Extensions;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// Fulfillment API getOrders and getOrder for the caller's own orders. Pages are sorted newest order first, so an
/// order changing during a walk keeps its place and offsets stay valid; a new order shifts later pages by one,
/// which makes a reader see an order twice, never miss one.
/// </summary>
internal sealed class EbayOrdersEndpoint(EbayRestApi restApi, EbayOrdersEmulator emulator, TimeProvider clock)
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;
    private const int MaxOrderIds = 50;

    public async Task<IResult> GetOrdersAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null) return EbayRestApi.InvalidAccessToken();
        if (!caller.Scopes.Any(EbayScopes.FulfillmentRead.Contains)) return EbayRestApi.AccessDenied();
        var seller = caller.User;
        var query = request.Query;

        if (query["orderIds"].ToString() is { Length: > 0 } idList)
        {
            var ids = idList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length > MaxOrderIds) return FulfillmentErrors.TooManyOrderIds();
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            return Serve(request, seller, all => Page(request, all.Where(o => wanted.Contains(o.Id)).ToList(), seller, 0, ids.Length, null));
        }

        var (filter, error) = OrderFilter.Parse(RawParameter(request, "filter"), clock.GetUtcNow());
        if (error is not null) return error;
        if (!TryBounded(query["limit"], DefaultLimit, 1, MaxLimit, out var limit)) return FulfillmentErrors.InvalidLimit(query["limit"].ToString());
        if (!TryBounded(query["offset"], 0, 0, int.MaxValue, out var offset)) return FulfillmentErrors.InvalidOffset(query["offset"].ToString());
        return Serve(request, seller, all => Page(request, all.Where(filter!.Matches).ToList(), seller, offset, limit, RawParameter(request, "filter")));
    }

    public async Task<IResult> GetOrderAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null) return EbayRestApi.InvalidAccessToken();
        if (!caller.Scopes.Any(EbayScopes.FulfillmentRead.Contains)) return EbayRestApi.AccessDenied();
        var seller = caller.User;
        var order = emulator.Book(seller).Read(all => all.FirstOrDefault(o => o.Id == orderId) is { } found ? OrderJson.Render(found, seller, OrderJson.ApiRoot(request)) : null);
        return order is null ? FulfillmentErrors.OrderNotFound(orderId) : Results.Json(order, OrderJson.Options);
    }

    private IResult Serve(HttpRequest request, EbaySandboxAccount seller, Func<IReadOnlyList<SandboxOrder>, object> page)
    {
        var book = emulator.Book(seller);
        return book.TryRead(request.QueryString.Value ?? "", page, out var body)
            ? Results.Content(book.Answer(JsonSerializer.Serialize(body, OrderJson.Options)), "application/json; charset=utf-8")
            : FulfillmentErrors.SystemError();
    }

    private object Page(HttpRequest request, List<SandboxOrder> matching, EbaySandboxAccount seller, int offset, int limit, string? rawFilter)
    {
        var sorted = matching.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
        var apiRoot = OrderJson.ApiRoot(request);
        string Href(int at) => UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path) + "?"
            + (rawFilter is null ? "" : $"filter={rawFilter}&") + $"limit={limit}&offset={at}";
        return new
        {
            href = Href(offset),
            total = sorted.Count,
            limit,
            offset,
            orders = sorted.Skip(offset).Take(limit).Select(o => OrderJson.Render(o, seller, apiRoot)).ToArray(),
            next = emulator.Book(seller).NextPage(offset + limit < sorted.Count ? Href(offset + limit) : null),
            prev = offset > 0 ? Href(Math.Max(0, offset - limit)) : null,
        };
    }

    /// <summary>A query parameter exactly as sent, to check what the client percent-encoded.</summary>
    private static string? RawParameter(HttpRequest request, string name) =>
        (request.QueryString.Value ?? "").TrimStart('?').Split('&')
            .Where(p => p.StartsWith(name + "=", StringComparison.Ordinal)).Select(p => p[(name.Length + 1)..]).FirstOrDefault();

    private static bool TryBounded(Microsoft.Extensions.Primitives.StringValues raw, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return raw.Count == 0 || (int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }
}
