using Marketplaces.Connections;
using Marketplaces.Hosting;

namespace Marketplaces.Webhooks;

/// <summary>Queues the subscriptions of an account as soon as it is connected, rather than at the next hourly check.</summary>
public sealed partial class WebhookSubscriptionTrigger(WebhookSubscriptions subscriptions, Notifier<Connection> connections, ILogger<WebhookSubscriptionTrigger> logger)
    : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = connections.Subscribe(() => _ = ScheduleAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task ScheduleAsync()
    {
        try
        {
            await subscriptions.ScheduleMissingAsync();
        }
        catch (Exception e)
        {
            LogMissed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queuing webhook subscriptions failed; the hourly check will make them")]
    private static partial void LogMissed(ILogger logger, Exception exception);
}
