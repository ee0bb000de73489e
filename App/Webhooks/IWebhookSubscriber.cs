using Marketplaces.Connections;

namespace Marketplaces.Webhooks;

/// <summary>A subscription as the marketplace holds it.</summary>
public sealed record RemoteWebhook(string Id, string Topic, string Address, bool Active);

/// <summary>
/// A marketplace's subscription API (catalog <c>webhooks.registration</c> = Api): list, create, enable, delete. The
/// engine (<see cref="WebhookSubscriptions"/>) decides what to call; this holds only the wire calls.
/// </summary>
public interface IWebhookSubscriber : IMarketplaceAdapter
{
    /// <summary>Whether each subscription is signed with a secret of its own, which the engine makes and keeps.</summary>
    bool OwnSecrets { get; }

    /// <summary>The connection's subscriptions to <paramref name="address"/>.</summary>
    Task<IReadOnlyList<RemoteWebhook>> ListAsync(ConnectionApi api, string address, CancellationToken ct);

    Task<RemoteWebhook> CreateAsync(ConnectionApi api, string topic, string address, string? secret, CancellationToken ct);

    /// <summary>Turns a subscription the marketplace disabled on again.</summary>
    Task EnableAsync(ConnectionApi api, RemoteWebhook webhook, CancellationToken ct);

    /// <summary>Deletes it; one already gone is not a failure.</summary>
    Task DeleteAsync(ConnectionApi api, string remoteId, CancellationToken ct);
}
