using Marketplaces.Catalog;

namespace Marketplaces.Webhooks;

/// <summary>
/// <c>POST /webhooks/{marketplace}</c>: the body is read whole (up to <see cref="MaxBodyBytes"/>) and handed to the
/// marketplace's receiver, which verifies the signature before anything else. A verified delivery is stored (once per
/// delivery id), answered at once with the marketplace's acknowledgement and processed by a background job; a refused
/// one stores and does nothing, and is answered with the marketplace's refusal status.
/// </summary>
public sealed partial class WebhookIntake(
    WebhookWriter writer, IEnumerable<IWebhookReceiver> receivers, MarketplaceCatalog catalog, WebhookProcessor processor,
    WebhookRefusals refusals, TimeProvider clock, ILogger<WebhookIntake> logger)
{
    public const int MaxBodyBytes = 1 << 20;

    private readonly Dictionary<string, IWebhookReceiver> _receivers = receivers.ToDictionary(r => r.MarketplaceId, StringComparer.OrdinalIgnoreCase);

    public async Task<IResult> ReceiveAsync(string marketplace, HttpRequest http, CancellationToken ct)
    {
        if (!_receivers.TryGetValue(marketplace, out var receiver) || !catalog.TryGet(marketplace, out var definition)
            || definition.Webhooks is not { } webhooks)
            return Results.NotFound();
        var body = await ReadAsync(http, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        switch (await receiver.ReceiveAsync(new WebhookRequest(http.Headers, body), ct))
        {
            case WebhookVerdict.Ping:
                return Results.StatusCode(webhooks.Acknowledge);
            case WebhookVerdict.Refused refused:
                refusals.Count(refused.ClaimedConnection, refused.Reason, clock.GetUtcNow());
                LogRefused(logger, definition.Name, refused.Reason);
                return Results.Text(refused.Reason, statusCode: webhooks.Refuse);
            case WebhookVerdict.Accepted accepted:
                if (await StoreAsync(definition.Id, accepted, body, ct)) processor.Schedule();
                return Results.StatusCode(webhooks.Acknowledge);
            default:
                throw new InvalidOperationException("A receiver returned no verdict");
        }
    }

    /// <returns>False when the delivery was stored before (a marketplace's retry).</returns>
    private Task<bool> StoreAsync(string marketplace, WebhookVerdict.Accepted accepted, byte[] body, CancellationToken ct) =>
        writer.StoreAsync(new WebhookEvent
        {
            Marketplace = marketplace, ConnectionId = accepted.ConnectionId, DeliveryId = accepted.DeliveryId, Topic = accepted.Topic,
            Kind = accepted.Kind, Body = accepted.Kind is WebhookKind.Orders or WebhookKind.Other ? null : System.Text.Encoding.UTF8.GetString(body),
            ReceivedAt = clock.GetUtcNow(),
        }, ct);

    private static async Task<byte[]?> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.ContentLength > MaxBodyBytes) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Marketplace} webhook delivery was refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string marketplace, string reason);
}
