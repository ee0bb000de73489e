using Hangfire;

namespace Marketplaces.Inventory;

/// <summary>
/// One connection's stock push as a Hangfire job. Not retried by Hangfire: a listing the marketplace refused stays due,
/// with its message, and the minutely sweep queues it again.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class PushStockJob(StockPushes pushes)
{
    public Task<string> RunAsync(Guid connectionId, CancellationToken ct) => pushes.PushAsync(connectionId, ct);
}

/// <summary>Every minute: a push queued for each connection whose listings are still due (a refused or interrupted push, a change no page announced).</summary>
[AutomaticRetry(Attempts = 0)]
public sealed class StockSweepJob(StockPushes pushes)
{
    public const string Id = "push-stock";

    public async Task<string> RunAsync(CancellationToken ct) => $"{await pushes.ScheduleDueAsync(ct)} connections queued";
}
