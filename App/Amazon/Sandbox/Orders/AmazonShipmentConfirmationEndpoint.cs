using System.Text.Json;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Amazon.Sandbox.Orders;

/// <summary>
/// Orders v0 confirmShipment: 204 with no body when the package is recorded; 400 InvalidInput for a body the model
/// refuses, an item not on the order, more units than remain, a cancelled order or another marketplace; 404 for an
/// order that is not the caller's. A packageReferenceId already on the order edits that package (Amazon: "you can also
/// use this operation to edit shipment details"), so sending the same package again never makes a second one.
/// </summary>
internal sealed class AmazonShipmentConfirmationEndpoint(AmazonSpApi spApi, AmazonOrdersEmulator emulator)
{
    public async Task<IResult> ConfirmShipmentAsync(HttpRequest request, string orderId, CancellationToken ct)
    {
        var (seller, denied) = await spApi.AuthorizeAsync(request, emulator.HasOrdersRole, ct);
        if (seller is null) return denied!;
        if (!request.HasJsonContentType()) return AmazonSpApi.InvalidInput("The request body must be application/json.");
        AmazonConfirmShipmentRequest? confirmation;
        string? problem;
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            (confirmation, problem) = AmazonConfirmShipmentRequest.Parse(json.RootElement);
        }
        catch (JsonException)
        {
            return AmazonSpApi.InvalidInput("The request body is not valid JSON.");
        }
        if (confirmation is null) return AmazonSpApi.InvalidInput(problem!);

        var book = emulator.Book(seller);
        var (outcome, refusal) = book.Read(orders => Check(orders.FirstOrDefault(o => o.Id == orderId), confirmation));
        switch (outcome)
        {
            case Outcome.NotFound:
                return AmazonSpApi.NotFound($"Order {orderId} was not found.");
            case Outcome.Refused:
                return AmazonSpApi.InvalidInput(refusal!);
            case Outcome.Edit:
                book.Update(orderId, order =>
                {
                    var index = order.Shipments.FindIndex(s => s.Id == confirmation.PackageReferenceId);
                    order.Shipments[index] = Package(confirmation);
                });
                break;
            default:
                book.Ship(orderId, _ => Package(confirmation));
                break;
        }
        if (book.TakeLostAnswer())
        {
            request.HttpContext.Abort();
            return Results.Empty;
        }
        AmazonSpApi.Success(request.HttpContext.Response, "2");
        return Results.NoContent();
    }

    private static (Outcome, string?) Check(SandboxOrder? order, AmazonConfirmShipmentRequest confirmation)
    {
        if (order is null) return (Outcome.NotFound, null);
        if (confirmation.MarketplaceId != AmazonOrderJson.Marketplace(order).Id)
            return (Outcome.Refused, $"Order {order.Id} was not placed in marketplace {confirmation.MarketplaceId}.");
        if (order.Status == SandboxOrderStatus.Cancelled) return (Outcome.Refused, $"Order {order.Id} is cancelled and cannot be shipped.");

        var asked = confirmation.OrderItems.GroupBy(i => i.OrderItemId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        if (order.Shipments.FirstOrDefault(s => s.Id == confirmation.PackageReferenceId) is { } existing)
        {
            var same = existing.Lines.Count == asked.Count && existing.Lines.All(l => asked.GetValueOrDefault(l.LineId) == l.Quantity);
            return same ? (Outcome.Edit, null)
                : (Outcome.Refused, $"Package {confirmation.PackageReferenceId} of order {order.Id} was confirmed with other items.");
        }
        foreach (var (itemId, quantity) in asked)
        {
            if (order.Lines.FirstOrDefault(l => l.LineId == itemId) is not { } line)
                return (Outcome.Refused, $"Order item {itemId} is not on order {order.Id}.");
            var left = line.Quantity - AmazonOrderJson.Shipped(order, line);
            if (quantity > left) return (Outcome.Refused, $"Order item {itemId} has {left} unit{(left == 1 ? "" : "s")} left to ship, not {quantity}.");
        }
        return (Outcome.New, null);
    }

    private static SandboxShipment Package(AmazonConfirmShipmentRequest confirmation) => new(
        confirmation.PackageReferenceId, confirmation.Carrier, confirmation.TrackingNumber, confirmation.ShipDate,
        confirmation.OrderItems.GroupBy(i => i.OrderItemId).Select(g => new SandboxShippedLine(g.Key, g.Sum(i => i.Quantity))).ToList());

    private enum Outcome { New, Edit, Refused, NotFound }
}
