using System.Net.Http.Json;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Messages;
using Marketplaces.Orders;

namespace Marketplaces.Amazon.Messaging;

/// <summary>
/// Amazon's Messaging API (amazon.md "Buyer messages"): send-only, template-based. getMessagingActionsForOrder lists what
/// the order allows now (HAL <c>_links.actions[].name</c>); each is sent by POST to its own path with
/// <c>{"text"}</c>. The order's marketplace is the one its payload names (<c>salesChannel.marketplaceId</c>).
/// </summary>
public sealed class AmazonOrderMessaging(TimeProvider clock) : IOrderMessaging
{
    public string MarketplaceId => AmazonRequests.MarketplaceId;

    public async Task<IReadOnlyList<OrderMessageTemplate>> TemplatesAsync(ConnectionApi api, Order order, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => AmazonRequests.Create(api.Connection.AccountId, "getMessagingActionsForOrder", HttpMethod.Get,
            $"{Root(api, order)}?marketplaceIds={Uri.EscapeDataString(Marketplace(order))}", token, clock.GetUtcNow()), ct);
        using var json = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
        var actions = json.RootElement.TryGetProperty("_links", out var links) && links.TryGetProperty("actions", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => JsonText.Of(a, "name")).Where(n => n is not null).ToList()
            : [];
        return actions.Where(a => AmazonMessageTemplates.ByAction.ContainsKey(a!)).Select(a => AmazonMessageTemplates.ByAction[a!].Template).ToList();
    }

    public async Task SendAsync(ConnectionApi api, Order order, OrderMessageTemplate template, string? text, CancellationToken ct)
    {
        var (path, _) = AmazonMessageTemplates.ByAction[template.Name];
        using var response = await api.SendAsync(token => AmazonRequests.Create(api.Connection.AccountId, "messagingSend", HttpMethod.Post,
            $"{Root(api, order)}/messages/{path}?marketplaceIds={Uri.EscapeDataString(Marketplace(order))}", token, clock.GetUtcNow(),
            JsonContent.Create(new { text })), ct);
        await AmazonApiFailure.Errors.EnsureSuccessAsync(response, ct);
    }

    private static string Root(ConnectionApi api, Order order) =>
        $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/messaging/v1/orders/{Uri.EscapeDataString(order.ExternalId)}";

    private static string Marketplace(Order order)
    {
        using var payload = JsonDocument.Parse(order.RawPayload);
        return payload.RootElement.TryGetProperty("salesChannel", out var channel) && JsonText.Of(channel, "marketplaceId") is { } id ? id
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "The order's payload names no Amazon marketplace (salesChannel.marketplaceId)");
    }
}
