using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>
/// The two writes that ship an order (prestashop.md §4.5), checked as saveEntityFromXml and the classes' field
/// rules check them: PUT order_carriers/{id} replaces the row (id and the required id_order, id_carrier present;
/// tracking_number a valid shipping number — the sandbox also refuses an empty one, which PrestaShop would store),
/// and POST order_histories moves the order to a state (no id; id_order and id_order_state required and known). The
/// state change is the shipment's last step, so a lost answer (SandboxOrderBook.LoseNextShipmentAnswer) drops it.
/// </summary>
public sealed partial class PrestaShopShippingWrites(
    SandboxOrderBook book, PrestaShopOrderHistories histories, PrestaShopResourceTable carriers, PrestaShopResourceTable historyRows, TimeProvider clock)
{
    private const int MaxTrackingLength = 64;

    public async Task<IResult> PutOrderCarrierAsync(int id, HttpRequest request)
    {
        var output = PrestaShopOutput.For(request);
        if (PrestaShopListQuery.TryParse(request.Query, [], out _) is { } parameterError) return output.Errors(400, parameterError);
        var (entity, xmlError) = await PrestaShopXmlInput.ReadAsync(request);
        if (xmlError is { } x) return output.Errors(x.Status, (x.Code, x.Message));
        if (PrestaShopXmlInput.Field(entity!, "id") is not { Length: > 0 } bodyId) return output.Errors(400, (90, "id is required when modifying a resource"));
        var order = int.TryParse(bodyId, NumberStyles.None, CultureInfo.InvariantCulture, out var carrierId)
            ? book.Read(orders => orders.FirstOrDefault(o => o.Sequence == carrierId))
            : null;
        if (order is null || carrierId != id) return output.Errors(404, (92, "Invalid ID"));
        if (Invalid(entity!, "OrderCarrier", order.Id) is { } invalid) return output.Errors(400, invalid);

        var tracking = PrestaShopXmlInput.Field(entity!, "tracking_number")!;
        if (book.Read(_ => order.Shipments.LastOrDefault()?.TrackingNumber) != tracking)
        {
            book.Update(order.Id, o =>
            {
                o.Shipments.Clear();
                o.Shipments.Add(new SandboxShipment(bodyId, PrestaShopOrderRows.CarrierName, tracking, clock.GetUtcNow(),
                    o.Lines.Select(l => new SandboxShippedLine(l.LineId, l.Quantity)).ToList()));
            });
        }
        return carriers.Saved(carrierId, request, StatusCodes.Status200OK);
    }

    public async Task<IResult> PostOrderHistoryAsync(HttpRequest request)
    {
        var output = PrestaShopOutput.For(request);
        if (PrestaShopListQuery.TryParse(request.Query, [], out _) is { } parameterError) return output.Errors(400, parameterError);
        var (entity, xmlError) = await PrestaShopXmlInput.ReadAsync(request);
        if (xmlError is { } x) return output.Errors(x.Status, (x.Code, x.Message));
        if (PrestaShopXmlInput.Field(entity!, "id") is { Length: > 0 }) return output.Errors(400, (91, "id is forbidden when adding a new resource"));
        foreach (var field in new[] { "id_order", "id_order_state" })
        {
            if (PrestaShopXmlInput.Field(entity!, field) is not { Length: > 0 } value) return output.Errors(400, (41, $"parameter \"{field}\" required"));
            if (!value.All(char.IsAsciiDigit)) return output.Errors(400, NotValid("OrderHistory", field));
        }
        var orderId = PrestaShopXmlInput.Field(entity!, "id_order")!;
        var state = int.Parse(PrestaShopXmlInput.Field(entity!, "id_order_state")!, CultureInfo.InvariantCulture);
        if (book.Find(orderId) is null) return output.Errors(404, (87, $"Id(s) not exists: {orderId}"));
        if (PrestaShopOrderStates.StatusOf(state) is not { } status) return output.Errors(400, NotValid("OrderHistory", "id_order_state"));

        var historyId = histories.Add(orderId, state, clock.GetUtcNow());
        book.Update(orderId, o => o.Status = status);
        if (book.TakeLostAnswer())
        {
            request.HttpContext.Abort();
            return Results.Empty;
        }
        return historyRows.Saved(historyId, request, StatusCodes.Status201Created);
    }

    /// <summary>OrderCarrier's field rules: id_order and id_carrier required, numbers where numbers go, a valid shipping number.</summary>
    private static (int, string)? Invalid(XElement entity, string className, string orderId)
    {
        foreach (var required in new[] { "id_order", "id_carrier" })
        {
            if (PrestaShopXmlInput.Field(entity, required) is not { Length: > 0 }) return (41, $"parameter \"{required}\" required");
        }
        if (PrestaShopXmlInput.Field(entity, "id_order") != orderId) return NotValid(className, "id_order");
        if (!PrestaShopXmlInput.Field(entity, "id_carrier")!.All(char.IsAsciiDigit)) return NotValid(className, "id_carrier");
        foreach (var amount in new[] { "weight", "shipping_cost_tax_excl", "shipping_cost_tax_incl" })
        {
            if (PrestaShopXmlInput.Field(entity, amount) is { Length: > 0 } value && !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                return NotValid(className, amount);
        }
        return PrestaShopXmlInput.Field(entity, "tracking_number") switch
        {
            null or "" => (85, $"Validation error: \"Property {className}->tracking_number is empty\""),
            { Length: > MaxTrackingLength } => (85, $"Validation error: \"Property {className}->tracking_number length ({PrestaShopXmlInput.Field(entity, "tracking_number")!.Length}) must be lower than {MaxTrackingLength}\""),
            var tracking when !TrackingNumber().IsMatch(tracking) => NotValid(className, "tracking_number"),
            _ => null,
        };
    }

    private static (int, string) NotValid(string className, string field) => (85, $"Validation error: \"Property {className}->{field} is not valid\"");

    /// <summary>Validate::isTrackingNumber.</summary>
    [GeneratedRegex(@"^[~:#,%&_=\(\)\[\]\.\? \+\-@\/a-zA-Z0-9]+$")]
    private static partial Regex TrackingNumber();
}
