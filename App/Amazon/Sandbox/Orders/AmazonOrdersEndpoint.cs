using System.Text.Json;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Amazon.Sandbox.Orders;

/// <summary>
/// Orders API v2026-01-01 searchOrders and getOrder for the caller's own orders: no <c>payload</c> wrapper, pages in
/// (createdTime, orderId) order. Without a <c>…Before</c> the walk is bounded at the time of its first page, which the
/// response states as <c>lastUpdatedBefore</c>/<c>createdBefore</c>; later changes belong to the next walk.
/// </summary>
internal sealed class AmazonOrdersEndpoint(AmazonSpApi spApi, AmazonOrdersEmulator emulator, TimeProvider clock)
{
    private readonly AmazonPaginationTokens _tokens = new(clock);

    public async Task<IResult> SearchOrdersAsync(HttpRequest request, CancellationToken ct)
    {
        var (seller, refusal) = await spApi.AuthorizeAsync(request, emulator.HasOrdersRole, ct);
        if (seller is null) return refusal!;
        var now = clock.GetUtcNow();
        var participations = AmazonSandboxAccount.Marketplaces.Select(m => m.Id).ToList();
        var (query, error) = AmazonSearchOrdersQuery.Parse(request.Query, participations, now);
        if (query is null) return error!;

        var walk = new AmazonPaginationTokens.Walk(seller.SellingPartnerId, query.Filter, query.Before ?? WholeSecondAfter(now), DateTimeOffset.MinValue, "");
        if (query.PaginationToken is { } token)
        {
            var (found, problem) = _tokens.Find(token, seller.SellingPartnerId, query.Filter);
            if (found is null) return AmazonSpApi.InvalidInput(problem!);
            walk = found;
        }
        var book = emulator.Book(seller);
        if (!book.TryRead(request.QueryString.Value ?? "", orders => Page(book, orders, query, walk), out var page))
            return AmazonSpApi.InternalFailure();
        AmazonSpApi.Success(request.HttpContext.Response, "0.0056");
        return Results.Content(book.Answer(JsonSerializer.Serialize(page, AmazonOrderJson.Options)), "application/json; charset=utf-8");
    }

    public async Task<IResult> GetOrderAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var (seller, refusal) = await spApi.AuthorizeAsync(request, emulator.HasOrdersRole, ct);
        if (seller is null) return refusal!;
        var (included, error) = AmazonSearchOrdersQuery.ParseIncluded(request.Query);
        if (included is null) return error!;
        var order = emulator.Book(seller).Read(orders => orders.FirstOrDefault(o => o.Id == orderId) is { } found ? AmazonOrderJson.Render(found, included) : null);
        if (order is null) return AmazonSpApi.NotFound($"Order {orderId} was not found.");
        AmazonSpApi.Success(request.HttpContext.Response, "0.5");
        return Results.Json(new { order }, AmazonOrderJson.Options);
    }

    private object Page(SandboxOrderBook book, IReadOnlyList<SandboxOrder> orders, AmazonSearchOrdersQuery query, AmazonPaginationTokens.Walk walk)
    {
        var ahead = orders
            .Where(o => query.Matches(o, walk.Bound)
                        && (o.CreatedAt > walk.AfterCreated || (o.CreatedAt == walk.AfterCreated && string.CompareOrdinal(o.Id, walk.AfterOrderId) > 0)))
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id, StringComparer.Ordinal)
            .Take(query.MaxResultsPerPage + 1)
            .ToList();
        var served = ahead.Take(query.MaxResultsPerPage).ToList();
        var position = served.Count > 0 ? walk with { AfterCreated = served[^1].CreatedAt, AfterOrderId = served[^1].Id } : walk;
        var next = book.NextPage(ahead.Count > served.Count || book.EndlessPages ? _tokens.Issue(position) : null);
        var bound = AmazonOrderJson.Time(walk.Bound);
        return new
        {
            orders = served.Select(o => AmazonOrderJson.Render(o, query.Included)).ToArray(),
            pagination = next is null ? null : new { nextToken = next },
            lastUpdatedBefore = query.ByCreation ? null : bound,
            createdBefore = query.ByCreation ? bound : null,
        };
    }

    /// <summary>Amazon states the bound to the second; rounding up keeps every change made so far inside it.</summary>
    private static DateTimeOffset WholeSecondAfter(DateTimeOffset at) =>
        new(at.UtcTicks + (TimeSpan.TicksPerSecond - at.UtcTicks % TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
