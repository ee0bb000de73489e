namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// getOrders/getOrder errors as the contract lists them (x-response-codes of sell_fulfillment_v1_oas3.json), in
/// eBay's error body with the offending value under <c>parameters</c>.
/// </summary>
internal static class FulfillmentErrors
{
    public static IResult InvalidFilterName(string name) => Request(30700, $"Invalid filter name: {name}", ("fieldname", name));

    public static IResult InvalidFilterValue(string name, string value) =>
        Request(30800, $"Invalid filter value {value} for filter {name}", ("fieldvalue", value), ("fieldname", name));

    public static IResult InvalidDate(string value) => Request(30810, "Invalid date format", ("fieldvalue", value));
    public static IResult MissingStartDate() => Request(30820, "Start date is missing");
    public static IResult StartAfterEnd() => Request(30840, "Start date should be before end date");
    public static IResult FutureDate() => Request(30850, "Start and end dates can't be in the future");
    public static IResult TooManyOrderIds() => Request(30900, "Exceeded maximum number of order IDs (the current limit is 50)");
    public static IResult InvalidOffset(string value) => Request(31000, $"Invalid offset: {value}", ("offsetvalue", value));
    public static IResult InvalidLimit(string value) => Request(31100, $"Invalid limit: {value}", ("limitvalue", value));

    public static IResult OrderNotFound(string orderId) =>
        Error(StatusCodes.Status404NotFound, 32100, "REQUEST", $"Invalid order ID: {orderId}", [("orderId", orderId)]);

    public static IResult SystemError() => Error(StatusCodes.Status500InternalServerError, 30500, "APPLICATION", "System error", []);

    private static IResult Request(int id, string message, params (string Name, string Value)[] parameters) =>
        Error(StatusCodes.Status400BadRequest, id, "REQUEST", message, parameters);

    private static IResult Error(int status, int id, string category, string message, (string Name, string Value)[] parameters) =>
        Results.Json(new
        {
            errors = new[]
            {
                new
                {
                    errorId = id, domain = "API_FULFILLMENT", category, message, longMessage = message,
                    parameters = parameters.Select(p => new { name = p.Name, value = p.Value }).ToArray(),
                },
            },
        }, statusCode: status);
}
