using System.Globalization;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Etsy.Sandbox.Orders;

/// <summary>
/// getShopReceipts and getShopReceipt (scope transactions_r) on the caller's own shop, as <c>ShopReceipts</c>
/// (<c>count</c> of every match, <c>results</c> of the page) and <c>ShopReceipt</c>.
/// </summary>
internal sealed class EtsyReceiptEndpoints(EtsyApiGate gate, EtsyReceiptBooks books)
{
    public const string ReadScope = "transactions_r";

    public async Task<IResult> GetReceiptsAsync(HttpContext http, string shop_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(http.Request, shop_id, ReadScope, ct);
        if (error is not null) return error;
        var (query, invalid) = EtsyReceiptQuery.Parse(http.Request.Query);
        if (invalid is not null) return EtsyErrors.Api(StatusCodes.Status400BadRequest, invalid);
        var book = books.For(grant!.ShopId);
        return book.TryRead(http.Request.QueryString.Value ?? "", orders =>
            {
                var matching = query!.Sort(orders.Where(query.Matches)).ToList();
                return new
                {
                    count = matching.Count,
                    results = matching.Skip(query.Offset).Take(query.Limit).Select(o => EtsyReceiptJson.Render(o, grant.Seller)).ToArray(),
                };
            }, out var page)
            ? Results.Json(page)
            : EtsyErrors.Api(StatusCodes.Status500InternalServerError, "An internal error occurred. Please try again later.");
    }

    public async Task<IResult> GetReceiptAsync(HttpContext http, string shop_id, string receipt_id, CancellationToken ct)
    {
        var (grant, error) = await gate.AuthorizeShopAsync(http.Request, shop_id, ReadScope, ct);
        if (error is not null) return error;
        if (ReceiptId(receipt_id) is not { } id) return InvalidReceiptId();
        var receipt = books.For(grant!.ShopId).Read(orders => orders.FirstOrDefault(o => o.Id == id) is { } o ? EtsyReceiptJson.Render(o, grant.Seller) : null);
        return receipt is null ? ReceiptNotFound(id) : Results.Json(receipt);
    }

    /// <summary>The receipt id in canonical form (as the book stores it), or null when it is not a positive integer.</summary>
    public static string? ReceiptId(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id.ToString(CultureInfo.InvariantCulture) : null;

    public static IResult InvalidReceiptId() => EtsyErrors.Api(StatusCodes.Status400BadRequest, "receipt_id must be a positive integer.");

    public static IResult ReceiptNotFound(string id) => EtsyErrors.Api(StatusCodes.Status404NotFound, $"Receipt {id} not found.");

    /// <summary>The seller's order page on etsy.com (<c>/your/orders/sold?order_id=</c>), as the shared sandbox page.</summary>
    public IResult OrderPage(HttpContext http) =>
        SandboxOrderPage.Render(EtsySandboxRules.Name,
            long.TryParse(http.Request.Query["order_id"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? books.Find(id) : null);
}
