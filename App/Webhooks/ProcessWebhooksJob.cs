using Hangfire;

namespace Marketplaces.Webhooks;

/// <summary>
/// Processes stored deliveries: queued by each delivery, and every minute as the catch-up for a run lost with a crash.
/// Not retried by Hangfire: whatever a run did not mark processed, the next run reads again.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class ProcessWebhooksJob(WebhookProcessor processor)
{
    public const string Id = "process-webhooks";

    public Task<string> RunAsync(CancellationToken ct) => processor.ProcessAsync(ct);
}
