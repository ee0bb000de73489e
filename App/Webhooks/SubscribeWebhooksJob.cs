using Hangfire;

namespace Marketplaces.Webhooks;

/// <summary>One connection's subscriptions made (after connecting). Not retried by Hangfire: the hourly check tries again.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class SubscribeWebhooksJob(WebhookSubscriptions subscriptions)
{
    public Task<string> RunAsync(Guid connectionId, CancellationToken ct) => subscriptions.EnsureAsync(connectionId, ct);
}

/// <summary>Every hour: each connected account's subscriptions checked, and those a marketplace disabled or removed made good.</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class CheckWebhooksJob(WebhookSubscriptions subscriptions)
{
    public const string Id = "check-webhooks";

    public Task<string> RunAsync(CancellationToken ct) => subscriptions.CheckAllAsync(ct);
}
