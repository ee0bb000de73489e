using Marketplaces.Connections;

namespace Marketplaces.Webhooks;

/// <summary>A delivery as it arrived: the raw body bytes exactly as sent, which signatures are computed over.</summary>
public sealed record WebhookRequest(IHeaderDictionary Headers, byte[] Body);

/// <summary>What a receiver made of a delivery.</summary>
public abstract record WebhookVerdict
{
    /// <summary>Signed by the marketplace: stored once by <paramref name="DeliveryId"/>, answered, processed later.</summary>
    public sealed record Accepted(Guid? ConnectionId, string DeliveryId, string Topic, WebhookKind Kind) : WebhookVerdict;

    /// <summary>Not signed by the marketplace (or not for a connection here): nothing is stored or done.</summary>
    /// <param name="ClaimedConnection">The connection the delivery claimed to be for, counted on its card as a refusal.</param>
    public sealed record Refused(string Reason, Guid? ClaimedConnection = null) : WebhookVerdict;

    /// <summary>A delivery that is no event (WooCommerce's ping): answered with the acknowledgement, nothing stored.</summary>
    public sealed record Ping : WebhookVerdict;
}

/// <summary>
/// One marketplace's inbound webhooks: verifies the marketplace's own signature on the raw body before anything else
/// and says which connection, delivery and topic it is. Found by reflection, like every adapter.
/// </summary>
public interface IWebhookReceiver : IMarketplaceAdapter
{
    Task<WebhookVerdict> ReceiveAsync(WebhookRequest request, CancellationToken ct);
}

/// <summary>A marketplace that checks the address before it delivers there (eBay's <c>GET ?challenge_code=</c>).</summary>
public interface IWebhookChallenge : IMarketplaceAdapter
{
    Task<IResult> AnswerAsync(HttpRequest request, CancellationToken ct);
}
