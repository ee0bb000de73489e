using System.Text.Json.Serialization;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// The Inventory and Account APIs' refusals with the error ids and wording of their contracts' <c>x-response-codes</c>
/// (sell_inventory_v1_oas3.json), in eBay's error shape (ebay.md §3).
/// </summary>
internal static class EbayInventoryErrors
{
    public static IResult Error(int status, int errorId, string message, string domain = "API_INVENTORY", params (string Name, string Value)[] parameters) =>
        Results.Json(new
        {
            errors = new[]
            {
                new Item(errorId, domain, "REQUEST", message, message,
                    parameters.Length == 0 ? null : parameters.Select(p => new Parameter(p.Name, p.Value)).ToArray()),
            },
        }, statusCode: status);

    /// <summary>25709: a field of the wrong type or form (money sent as a number, a quantity as text…).</summary>
    public static IResult InvalidValue(string field) => Error(400, 25709, $"Invalid value for {field}.", parameters: ("fieldName", field));

    public static IResult UserError(string detail) => Error(400, 25002, $"A user error has occurred. {detail}");

    /// <summary>The contract's 404s (getInventoryItem, getOffer…): 25710.</summary>
    public static IResult NotFound() => Error(404, 25710, "We didn't find the resource/entity you are requesting. Please verify the request");

    public static IResult SkuNotFound(string sku) => Error(400, 25702, $"{sku} could not be found or is not available in the system.", parameters: ("skuValue", sku));

    private sealed record Item(
        int ErrorId, string Domain, string Category, string Message, string LongMessage,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Parameter[]? Parameters);

    private sealed record Parameter(string Name, string Value);
}
