namespace Marketplaces.Webhooks;

/// <summary>What processing does with an event that is not an order change: privacy requests, a grant taken back.</summary>
public interface IWebhookHandler
{
    bool Handles(WebhookEvent delivery);

    /// <returns>Whether it failed, and what it did in words (no buyer data).</returns>
    Task<(bool Failed, string Outcome)> HandleAsync(WebhookEvent delivery, CancellationToken ct);
}
