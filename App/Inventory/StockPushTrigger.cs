using Marketplaces.Hosting;
using Marketplaces.Polling;
using Marketplaces.Products;

namespace Marketplaces.Inventory;

/// <summary>
/// Queues stock pushes as soon as something that moves stock has committed: a feed's page of orders, a product saved
/// or imported. Without it a change would wait for the minutely sweep.
/// </summary>
public sealed partial class StockPushTrigger(StockPushes pushes, Notifier<FeedPage> pages, Notifier<Product> products, ILogger<StockPushTrigger> logger)
    : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscriptions.Add(pages.Subscribe(Schedule));
        _subscriptions.Add(products.Subscribe(Schedule));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        return Task.CompletedTask;
    }

    private void Schedule() => _ = ScheduleAsync();

    private async Task ScheduleAsync()
    {
        try
        {
            await pushes.ScheduleDueAsync();
        }
        catch (Exception e)
        {
            // The minutely sweep queues what this missed.
            LogMissed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queuing stock pushes failed; the minutely sweep will")]
    private static partial void LogMissed(ILogger logger, Exception exception);
}
