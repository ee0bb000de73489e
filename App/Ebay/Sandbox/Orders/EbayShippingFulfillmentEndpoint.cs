using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// Fulfillment API createShippingFulfillment, getShippingFulfillments and getShippingFulfillment (ebay.md "Mark
/// shipped", sell_fulfillment_v1_oas3.json). As the contract says, a fulfillment's id is its tracking number, so the
/// same tracking number twice on one order is refused (34500). The emulator requires both the carrier and the tracking
/// number (eBay accepts a fulfillment with neither).
/// </summary>
internal sealed class EbayShippingFulfillmentEndpoint(EbayRestApi restApi, EbayOrdersEmulator emulator, TimeProvider clock)
{
    /// <summary>Property names exactly as the contract spells them; unknown ones are ignored, as eBay does.</summary>
    private static readonly JsonSerializerOptions Strict = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>A seller entering today's date ahead of UTC is not shipping in the future.</summary>
    private static readonly TimeSpan FutureSlack = TimeSpan.FromDays(1);

    public async Task<IResult> CreateAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null) return EbayRestApi.InvalidAccessToken();
        if (!caller.Scopes.Contains(EbayScopes.Fulfillment)) return EbayRestApi.AccessDenied();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.MediaType != "application/json")
            return FulfillmentErrors.InvalidInput("The request body must be application/json.");
        Details? details;
        try
        {
            details = await JsonSerializer.DeserializeAsync<Details>(request.Body, Strict, ct);
        }
        catch (JsonException e)
        {
            return FulfillmentErrors.InvalidInput($"The request body is not a ShippingFulfillmentDetails: {e.Message}");
        }
        if (details is null) return FulfillmentErrors.InvalidInput("The request body is empty.");
        if (Problem(details, out var shippedAt) is { } problem) return problem;

        var tracking = details.TrackingNumber!;
        var book = emulator.Book(caller.User);
        try
        {
            // Ship runs this under the book's lock: checking inside it keeps the check and the record one step.
            var shipment = book.Ship(orderId, order => Refusal(order, details) is { } refusal
                ? throw new RefusedException(refusal)
                : new SandboxShipment(tracking, details.ShippingCarrierCode!, tracking, shippedAt,
                    details.LineItems!.Select(l => new SandboxShippedLine(l.LineItemId!, l.Quantity ?? 1)).ToList()));
            if (shipment is null) return FulfillmentErrors.InvalidOrderId(orderId);
            if (book.TakeLostAnswer())
            {
                request.HttpContext.Abort();
                return Results.Empty;
            }
            return TypedResults.Created(OrderJson.FulfillmentHref(OrderJson.ApiRoot(request), orderId, shipment.Id));
        }
        catch (RefusedException refused)
        {
            return refused.Result;
        }
    }

    public async Task<IResult> ListAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null) return EbayRestApi.InvalidAccessToken();
        if (!caller.Scopes.Any(EbayScopes.FulfillmentRead.Contains)) return EbayRestApi.AccessDenied();
        var body = emulator.Book(caller.User).Read(all => all.FirstOrDefault(o => o.Id == orderId) is { } order
            ? new { fulfillments = order.Shipments.Select(OrderJson.Fulfillment).ToArray(), total = order.Shipments.Count }
            : null);
        return body is null ? FulfillmentErrors.InvalidOrderId(orderId) : Results.Json(body, OrderJson.Options);
    }

    public async Task<IResult> GetAsync(HttpRequest request, string orderId, string fulfillmentId, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null) return EbayRestApi.InvalidAccessToken();
        if (!caller.Scopes.Any(EbayScopes.FulfillmentRead.Contains)) return EbayRestApi.AccessDenied();
        return emulator.Book(caller.User).Read(all => all.FirstOrDefault(o => o.Id == orderId) is not { } order
            ? FulfillmentErrors.InvalidOrderId(orderId)
            : order.Shipments.FirstOrDefault(s => s.Id == fulfillmentId) is { } shipment
                ? Results.Json(OrderJson.Fulfillment(shipment), OrderJson.Options)
                : FulfillmentErrors.InvalidFulfillmentId(fulfillmentId));
    }

    /// <summary>What is wrong with the request whatever the order.</summary>
    private IResult? Problem(Details details, out DateTimeOffset shippedAt)
    {
        shippedAt = SandboxOrderBook.Milliseconds(clock.GetUtcNow());
        if (details.LineItems is not { Count: > 0 } lines) return FulfillmentErrors.InvalidInput("lineItems must name at least one line item.");
        if (lines.FirstOrDefault(l => string.IsNullOrEmpty(l.LineItemId)) is not null) return FulfillmentErrors.InvalidLineItem("");
        if (lines.FirstOrDefault(l => l.Quantity is < 1) is { } none)
            return FulfillmentErrors.InvalidInput($"The quantity of line item {none.LineItemId} must be a whole number greater than zero.");
        if (lines.GroupBy(l => l.LineItemId).FirstOrDefault(g => g.Count() > 1) is { } twice) return FulfillmentErrors.DuplicateLineItem(twice.Key!);
        if (string.IsNullOrEmpty(details.TrackingNumber) || string.IsNullOrEmpty(details.ShippingCarrierCode))
            return FulfillmentErrors.InvalidTracking("trackingNumber and shippingCarrierCode must be given together.");
        if (!details.TrackingNumber.All(char.IsAsciiLetterOrDigit))
            return FulfillmentErrors.InvalidTracking("Only letters and digits are supported in a tracking number: no spaces, hyphens or other characters.");
        if (!details.ShippingCarrierCode.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            return FulfillmentErrors.InvalidTracking($"{details.ShippingCarrierCode} is not a shipping carrier code.");
        if (details.ShippedDate is null) return null;
        if (!DateTimeOffset.TryParseExact(details.ShippedDate, "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date)
            || date > clock.GetUtcNow() + FutureSlack)
            return FulfillmentErrors.InvalidShippedDate(details.ShippedDate);
        shippedAt = date;
        return null;
    }

    /// <summary>What is wrong with the request for this order as it stands.</summary>
    private static IResult? Refusal(SandboxOrder order, Details details)
    {
        if (order.Status == SandboxOrderStatus.Cancelled) return FulfillmentErrors.InvalidInput($"Order {order.Id} is cancelled.");
        if (order.Shipments.Any(s => s.Id == details.TrackingNumber)) return FulfillmentErrors.UsePut(details.TrackingNumber!);
        foreach (var asked in details.LineItems!)
        {
            if (order.Lines.FirstOrDefault(l => l.LineId == asked.LineItemId) is not { } line) return FulfillmentErrors.InvalidLineItem(asked.LineItemId!);
            var remaining = FulfillmentProgress.Remaining(order, line);
            if ((asked.Quantity ?? 1) > remaining)
                return FulfillmentErrors.InvalidInput($"Line item {line.LineId} has {remaining} left to ship; the request ships {asked.Quantity ?? 1}.");
        }
        return null;
    }

    private sealed record Details(List<LineItemReference>? LineItems, string? ShippedDate, string? ShippingCarrierCode, string? TrackingNumber);

    private sealed record LineItemReference(string? LineItemId, int? Quantity);

    private sealed class RefusedException(IResult result) : Exception
    {
        public IResult Result { get; } = result;
    }
}
