using System.Threading.Channels;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Webhooks;

/// <summary>
/// Stores verified deliveries with group commit: the deliveries waiting when the writer is free go into one transaction
/// (duplicates, of stored deliveries or within the group, are left out), and each request is answered only once its
/// delivery is committed. Storing first stays true; a burst costs one commit per group instead of one per delivery,
/// which is what SQLite's single writer can afford.
/// </summary>
public sealed class WebhookWriter(IDbContextFactory<AppDbContext> contexts) : BackgroundService
{
    private const int MaxGroup = 500;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(WebhookEvent Event, TaskCompletionSource<bool> Stored);

    /// <returns>False when the delivery was stored before (a marketplace's retry).</returns>
    public async Task<bool> StoreAsync(WebhookEvent delivery, CancellationToken ct)
    {
        var pending = new Pending(delivery, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Stored.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next)) group.Add(next);
            try
            {
                await WriteAsync(group, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                foreach (var pending in group) pending.Stored.TrySetException(e);
            }
            group.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> group, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = new HashSet<(string, string)>();
        foreach (var byMarketplace in group.GroupBy(p => p.Event.Marketplace))
        {
            var ids = byMarketplace.Select(p => p.Event.DeliveryId).Distinct().ToList();
            foreach (var id in await db.Set<WebhookEvent>().Where(e => e.Marketplace == byMarketplace.Key && ids.Contains(e.DeliveryId)).Select(e => e.DeliveryId).ToListAsync(ct))
                stored.Add((byMarketplace.Key, id));
        }
        var results = new List<(Pending Pending, bool New)>();
        foreach (var pending in group)
        {
            var isNew = stored.Add((pending.Event.Marketplace, pending.Event.DeliveryId));
            if (isNew) db.Add(pending.Event);
            results.Add((pending, isNew));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance stored one of these meanwhile (PostgreSQL): each is tried on its own.
            foreach (var (pending, isNew) in results) pending.Stored.TrySetResult(isNew && await StoreOneAsync(pending.Event, ct));
            return;
        }
        foreach (var (pending, isNew) in results) pending.Stored.TrySetResult(isNew);
    }

    private async Task<bool> StoreOneAsync(WebhookEvent delivery, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        delivery.Id = 0;
        db.Add(delivery);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
