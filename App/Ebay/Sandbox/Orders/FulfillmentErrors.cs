namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// Fulfillment API errors as the contract lists them (x-response-codes of sell_fulfillment_v1_oas3.json), in eBay's
/// error body with the offending value under <c>parameters</c>. Where the contract's message is generic (32300,
/// 32600), <c>longMessage</c> says what exactly was wrong: its wording is the emulator's.
/// </summary>
internal static class FulfillmentErrors
{
    public static IResult InvalidFilterName(string name) => Request(30700, $"Invalid filter name: {name}", null, ("fieldname", name));

    public static IResult InvalidFilterValue(string name, string value) =>
        Request(30800, $"Invalid filter value {value} for filter {name}", null, ("fieldvalue", value), ("fieldname", name));

    public static IResult InvalidDate(string value) => Request(30810, "Invalid date format", null, ("fieldvalue", value));
    public static IResult MissingStartDate() => Request(30820, "Start date is missing");
    public static IResult StartAfterEnd() => Request(30840, "Start date should be before end date");
    public static IResult FutureDate() => Request(30850, "Start and end dates can't be in the future");
    public static IResult TooManyOrderIds() => Request(30900, "Exceeded maximum number of order IDs (the current limit is 50)");
    public static IResult InvalidOffset(string value) => Request(31000, $"Invalid offset: {value}", null, ("offsetvalue", value));
    public static IResult InvalidLimit(string value) => Request(31100, $"Invalid limit: {value}", null, ("limitvalue", value));

    /// <summary>getOrder answers an unknown order with 404.</summary>
    public static IResult OrderNotFound(string orderId) =>
        Error(StatusCodes.Status404NotFound, 32100, "REQUEST", $"Invalid order ID: {orderId}", null, [("orderId", orderId)]);

    /// <summary>The shipping fulfillment operations answer an unknown order with 400.</summary>
    public static IResult InvalidOrderId(string orderId) => Request(32100, $"Invalid order ID: {orderId}", null, ("orderId", orderId));

    public static IResult InvalidFulfillmentId(string fulfillmentId) =>
        Request(32110, $"Invalid shipping fulfillment ID: {fulfillmentId}", null, ("fulfillmentId", fulfillmentId));

    public static IResult InvalidLineItem(string lineItemId) => Request(32200, $"Invalid line item id: {lineItemId}", null, ("lineItemId", lineItemId));

    public static IResult DuplicateLineItem(string lineItemId) => Request(32210, "Duplicate line item in the request", null, ("lineItemId", lineItemId));

    public static IResult InvalidTracking(string why) => Request(32300, "Invalid shipment tracking number or carrier", why);

    public static IResult InvalidShippedDate(string value) => Request(32500, "Invalid shipped date", null, ("shippedDate", value));

    public static IResult InvalidInput(string why) => Request(32600, "Invalid input data", why);

    /// <summary>A fulfillment with this id (the tracking number) exists on the order already.</summary>
    public static IResult UsePut(string fulfillmentId) =>
        Request(34500, "Please use PUT operation for updating shipping fulfillment", null, ("fulfillmentId", fulfillmentId));

    public static IResult SystemError() => Error(StatusCodes.Status500InternalServerError, 30500, "APPLICATION", "System error", null, []);

    private static IResult Request(int id, string message, string? longMessage = null, params (string Name, string Value)[] parameters) =>
        Error(StatusCodes.Status400BadRequest, id, "REQUEST", message, longMessage, parameters);

    private static IResult Error(int status, int id, string category, string message, string? longMessage, (string Name, string Value)[] parameters) =>
        Results.Json(new
        {
            errors = new[]
            {
                new
                {
                    errorId = id, domain = "API_FULFILLMENT", category, message, longMessage = longMessage ?? message,
                    parameters = parameters.Select(p => new { name = p.Name, value = p.Value }).ToArray(),
                },
            },
        }, statusCode: status);
}
