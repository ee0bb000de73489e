using System.Globalization;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Etsy.Sandbox.Orders;

/// <summary>
/// createReceiptShipment (scope transactions_w): a form or JSON body with <c>tracking_code</c> and <c>carrier_name</c> adds a
/// shipment to the receipt and marks all of it shipped; each call adds one, as Etsy does (the app must not repeat
/// itself). Without either field the receipt is only marked shipped, except to the US over $10 and to India, where
/// Etsy requires tracking ("A tracking number is required", etsy/open-api#589). Any carrier name is taken: Etsy
/// accepts names it does not support. A cancelled receipt is a 409 (the spec lists 409; the case is a guess).
/// </summary>
internal sealed class EtsyTrackingEndpoint(EtsyApiGate gate, EtsyReceiptBooks books, TimeProvider clock)
{
    public const string WriteScope = "transactions_w";

    public async Task<IResult> CreateShipmentAsync(HttpContext http, string shop_id, string receipt_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(http.Request, shop_id, WriteScope, ct);
        if (error is not null) return error;
        if (EtsyReceiptEndpoints.ReceiptId(receipt_id) is not { } id) return EtsyReceiptEndpoints.InvalidReceiptId();
        // The Dec 2025 spec lists a form body; Etsy's live spec of 2026 (and clients generated from it) send JSON.
        if (await SandboxBody.ReadFieldsAsync(http.Request, ct) is not { } form)
            return EtsyErrors.Api(StatusCodes.Status400BadRequest, "The request body must be application/x-www-form-urlencoded or application/json.");
        var (tracking, carrier) = ((form.GetValueOrDefault("tracking_code") ?? "").Trim(), (form.GetValueOrDefault("carrier_name") ?? "").Trim());
        if (form.TryGetValue("send_bcc", out var bcc) && bcc is not ("true" or "false"))
            return EtsyErrors.Api(StatusCodes.Status400BadRequest, "send_bcc must be true or false.");

        var book = books.For(grant!.ShopId);
        var order = book.Find(id);
        if (order is null) return EtsyReceiptEndpoints.ReceiptNotFound(id);
        if (order.Status == SandboxOrderStatus.Cancelled)
            return EtsyErrors.Api(StatusCodes.Status409Conflict, $"Receipt {id} is canceled and cannot be shipped.");
        if ((tracking.Length == 0) != (carrier.Length == 0))
            return EtsyErrors.Api(StatusCodes.Status400BadRequest, tracking.Length == 0 ? "A tracking number is required" : "A carrier name is required");
        if (tracking.Length == 0 && TrackingRequired(order)) return EtsyErrors.Api(StatusCodes.Status400BadRequest, "A tracking number is required");

        if (tracking.Length == 0) book.Update(id, o => o.Status = SandboxOrderStatus.Shipped);
        else book.Ship(id, o => new SandboxShipment(
            Random.Shared.NextInt64(1_000_000_000, 10_000_000_000).ToString(CultureInfo.InvariantCulture), carrier, tracking, clock.GetUtcNow(),
            o.Lines.Where(l => o.ShippedQuantity(l) < l.Quantity).Select(l => new SandboxShippedLine(l.LineId, l.Quantity - o.ShippedQuantity(l))).ToList()));
        if (book.TakeLostAnswer())
        {
            http.Abort();
            return Results.Empty;
        }
        return Results.Json(book.Read(_ => EtsyReceiptJson.Render(order, grant.Seller)));
    }

    private static bool TrackingRequired(SandboxOrder order) =>
        order.ShipTo.CountryCode == "IN" || (order.ShipTo.CountryCode == "US" && order.Currency == "USD" && order.Total > 10m);
}
