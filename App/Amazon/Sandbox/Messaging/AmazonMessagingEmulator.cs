using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Amazon.Sandbox.Orders;
using Marketplaces.Sandbox;
using Marketplaces.Sandbox.Orders;

namespace Marketplaces.Amazon.Sandbox.Messaging;

/// <summary>A message the emulator took, for tests.</summary>
public sealed record AmazonSentMessage(string OrderId, string Action, string? Text);

/// <summary>
/// The Messaging API v1 (messaging.json) for the sandbox sellers' orders: getMessagingActionsForOrder as HAL
/// (<c>application/hal+json</c>) and the text messages' POSTs (201 with an empty body). Which messages an order allows
/// is the emulator's rule, not Amazon's published one (there is none): an unshipped order allows order details, customization
/// details, an unexpected problem and a legal disclosure; a shipped one delivery details, an unexpected problem, warranty and
/// invoice; a cancelled one nothing. A message the order does not allow, a marketplace that is not the order's, or text
/// outside the schema's length is InvalidInput.
/// </summary>
public sealed class AmazonMessagingEmulator : ISandboxEmulator
{
    private AmazonOrdersEmulator? _orders;

    private const string Root = "/sp-api/messaging/v1/orders/{orderId}";

    /// <summary>The Messaging API answers everything, errors included, as HAL (messaging.json's <c>produces</c>).</summary>
    private const string Hal = "application/hal+json";
    private readonly ConcurrentQueue<AmazonSentMessage> _sent = new();

    /// <summary>(action, path, text length limit or null when the message takes no text).</summary>
    private static readonly (string Action, string Path, int? MaxText)[] Messages =
    [
        ("confirmCustomizationDetails", "confirmCustomizationDetails", 800), ("confirmDeliveryDetails", "confirmDeliveryDetails", 2000),
        ("confirmOrderDetails", "confirmOrderDetails", 2000), ("confirmServiceDetails", "confirmServiceDetails", 2000),
        ("unexpectedProblem", "unexpectedProblem", 2000), ("digitalAccessKey", "digitalAccessKey", 400),
        ("legalDisclosure", "legalDisclosure", null), ("warranty", "warranty", null), ("sendInvoice", "invoice", null),
    ];

    public string MarketplaceId => AmazonEmulator.Id;

    public IReadOnlyList<AmazonSentMessage> Sent(string orderId) => _sent.Where(m => m.OrderId == orderId).ToList();

    public static IReadOnlyList<string> Allowed(SandboxOrder order) => order.Status switch
    {
        SandboxOrderStatus.AwaitingShipment => ["confirmOrderDetails", "confirmCustomizationDetails", "unexpectedProblem", "legalDisclosure"],
        SandboxOrderStatus.Cancelled => [],
        _ => ["confirmDeliveryDetails", "unexpectedProblem", "warranty", "sendInvoice"],
    };

    public void Map(IEndpointRouteBuilder routes)
    {
        var spApi = ActivatorUtilities.CreateInstance<AmazonSpApi>(routes.ServiceProvider);
        _orders = routes.ServiceProvider.GetServices<ISandboxEmulator>().OfType<AmazonOrdersEmulator>().Single();
        routes.MapGet(Root, async (HttpRequest request, string orderId, CancellationToken ct) =>
        {
            var (order, refused) = await OrderAsync(spApi, request, orderId, ct);
            if (refused is not null) return refused;
            var marketplace = request.Query["marketplaceIds"].ToString();
            var self = $"/messaging/v1/orders/{orderId}?marketplaceIds={marketplace}";
            var allowed = Allowed(order!);
            var links = allowed.Select(a => (JsonNode)new JsonObject
            {
                ["href"] = $"/messaging/v1/orders/{orderId}/messages/{Messages.Single(m => m.Action == a).Path}?marketplaceIds={marketplace}", ["name"] = a,
            });
            var embedded = allowed.Select(a => (JsonNode)new JsonObject
            {
                ["_links"] = new JsonObject
                {
                    ["self"] = new JsonObject { ["href"] = $"/messaging/v1/orders/{orderId}/messages/{Messages.Single(m => m.Action == a).Path}?marketplaceIds={marketplace}" },
                    ["schema"] = new JsonObject { ["href"] = $"/messaging/v1/orders/{orderId}/messages/{Messages.Single(m => m.Action == a).Path}/schema" },
                },
                ["payload"] = new JsonObject { ["name"] = a },
            });
            AmazonSpApi.Success(request.HttpContext.Response, "1");
            return Results.Text(new JsonObject
            {
                ["_links"] = new JsonObject { ["actions"] = new JsonArray([.. links]), ["self"] = new JsonObject { ["href"] = self } },
                ["_embedded"] = new JsonObject { ["actions"] = new JsonArray([.. embedded]) },
            }.ToJsonString(), Hal);
        });
        foreach (var (action, path, maxText) in Messages)
        {
            routes.MapPost($"{Root}/messages/{path}", async (HttpRequest request, string orderId, CancellationToken ct) =>
            {
                var (order, refused) = await OrderAsync(spApi, request, orderId, ct);
                if (refused is not null) return refused;
                if (!Allowed(order!).Contains(action)) return InvalidInput($"The {action} message is not allowed for order {orderId}.");
                string? text = null;
                if (maxText is { } max)
                {
                    if (!request.HasJsonContentType()) return InvalidInput("The request body must be application/json.");
                    try
                    {
                        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                        text = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String
                            ? t.GetString() : null;
                    }
                    catch (JsonException)
                    {
                        return InvalidInput("The request body is not valid JSON.");
                    }
                    if (text is null || text.Length < 1 || text.Length > max)
                        return InvalidInput($"text must be 1 to {max} characters.");
                }
                _sent.Enqueue(new AmazonSentMessage(orderId, action, text));
                AmazonSpApi.Success(request.HttpContext.Response, "1");
                return Results.Text("{}", Hal, statusCode: StatusCodes.Status201Created);
            });
        }
    }

    private static IResult InvalidInput(string message) => Error(StatusCodes.Status400BadRequest, "InvalidInput", message);

    private static IResult Error(int status, string code, string message) =>
        Results.Text(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) }.ToJsonString(), Hal, statusCode: status);

    private async Task<(SandboxOrder? Order, IResult? Refused)> OrderAsync(AmazonSpApi spApi, HttpRequest request, string orderId, CancellationToken ct)
    {
        var (seller, denied) = await spApi.AuthorizeAsync(request, ct);
        if (seller is null) return (null, denied);
        var marketplaces = request.Query["marketplaceIds"];
        if (marketplaces.Count != 1 || string.IsNullOrEmpty(marketplaces[0])) return (null, InvalidInput("marketplaceIds must name one marketplace."));
        var order = _orders!.Book(seller).Find(orderId);
        if (order is null) return (null, Error(StatusCodes.Status404NotFound, "NotFound", $"Order {orderId} was not found."));
        if (AmazonOrderJson.Marketplace(order).Id != marketplaces[0]) return (null, InvalidInput($"Order {orderId} is not in marketplace {marketplaces[0]}."));
        return (order, null);
    }
}
