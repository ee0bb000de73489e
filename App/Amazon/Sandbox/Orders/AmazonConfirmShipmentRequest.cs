using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplaces.Amazon.Sandbox.Orders;

/// <summary>
/// The body of Orders v0 confirmShipment (ordersV0.json ConfirmShipmentRequest): <c>marketplaceId</c> and
/// <c>packageDetail</c> with <c>packageReferenceId</c> (positive numeric), <c>carrierCode</c> (<c>carrierName</c> when it
/// is "Other"), <c>trackingNumber</c>, an ISO 8601 <c>shipDate</c> and <c>orderItems</c> of <c>{orderItemId, quantity}</c>.
/// </summary>
internal sealed partial record AmazonConfirmShipmentRequest(
    string MarketplaceId, string PackageReferenceId, string CarrierCode, string? CarrierName, string TrackingNumber, DateTimeOffset ShipDate,
    IReadOnlyList<(string OrderItemId, int Quantity)> OrderItems)
{
    /// <summary>What the package says its carrier is: the code, or the name when the code is Other.</summary>
    public string Carrier => CarrierCode == "Other" ? CarrierName! : CarrierCode;

    /// <summary>The request, or what is wrong with it (the text of Amazon's InvalidInput).</summary>
    public static (AmazonConfirmShipmentRequest? Request, string? Problem) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "The request body must be a ConfirmShipmentRequest object.");
        if (Text(body, "marketplaceId") is not { Length: > 0 } marketplaceId) return (null, "marketplaceId is required.");
        if (body.TryGetProperty("codCollectionMethod", out _) && Text(body, "codCollectionMethod") != "DirectPayment")
            return (null, "codCollectionMethod must be DirectPayment.");
        if (!body.TryGetProperty("packageDetail", out var package) || package.ValueKind != JsonValueKind.Object) return (null, "packageDetail is required.");
        if (Text(package, "packageReferenceId") is not { } reference || !PositiveNumber().IsMatch(reference))
            return (null, "packageDetail.packageReferenceId is required and must be a positive number.");
        if (Text(package, "carrierCode") is not { Length: > 0 } carrierCode) return (null, "packageDetail.carrierCode is required.");
        var carrierName = Text(package, "carrierName");
        if (carrierCode == "Other" && string.IsNullOrWhiteSpace(carrierName)) return (null, "packageDetail.carrierName is required when carrierCode is Other.");
        if (Text(package, "trackingNumber") is not { } tracking || string.IsNullOrWhiteSpace(tracking)) return (null, "packageDetail.trackingNumber is required.");
        if (Text(package, "shipDate") is not { } shipDateText || !AmazonSearchOrdersQuery.IsoDateTime().IsMatch(shipDateText)
            || !DateTimeOffset.TryParse(shipDateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var shipDate))
            return (null, "packageDetail.shipDate is required in ISO 8601 date-time format.");
        if (!package.TryGetProperty("orderItems", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            return (null, "packageDetail.orderItems is required.");
        var orderItems = new List<(string, int)>();
        foreach (var item in items.EnumerateArray())
        {
            if (Text(item, "orderItemId") is not { Length: > 0 } itemId) return (null, "Each order item needs an orderItemId.");
            if (!item.TryGetProperty("quantity", out var quantity) || quantity.ValueKind != JsonValueKind.Number || !quantity.TryGetInt32(out var units) || units < 1)
                return (null, $"The quantity of order item {itemId} must be a positive integer.");
            orderItems.Add((itemId, units));
        }
        return (new AmazonConfirmShipmentRequest(marketplaceId, reference, carrierCode, carrierName, tracking, shipDate, orderItems), null);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex PositiveNumber();
}
