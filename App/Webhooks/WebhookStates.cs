using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Webhooks;

/// <summary>One connection's webhooks as the dashboard shows them.</summary>
/// <param name="Topics">The topics subscribed here (empty: none yet).</param>
/// <param name="Problem">Why subscribing last failed, or what a check last repaired, if anything.</param>
public sealed record WebhookState(
    Guid ConnectionId, string Connection, string Marketplace, WebhookRegistration Registration, IReadOnlyList<string> Topics, DateTimeOffset? LastEventAt,
    int EventsToday, int FailedToday, WebhookRefusals.Tally? Refused, string? Problem);

public sealed class WebhookStates(IDbContextFactory<AppDbContext> contexts, MarketplaceCatalog catalog, WebhookRefusals refusals, TimeProvider clock)
{
    /// <summary>Every connected account of a marketplace that pushes changes.</summary>
    public async Task<IReadOnlyList<WebhookState>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var connections = (await db.Set<Connection>().AsNoTracking().Where(c => c.State == ConnectionState.Connected)
                .OrderBy(c => c.ConnectedAt).Select(c => new { c.Id, c.DisplayName, c.Marketplace }).ToListAsync(ct))
            .Where(c => catalog.TryGet(c.Marketplace, out var d) && d.Webhooks is not null).ToList();
        var ids = connections.Select(c => c.Id).ToList();
        var since = clock.GetUtcNow().AddDays(-1);
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => ids.Contains(s.ConnectionId)).ToListAsync(ct);
        var events = (await db.Set<WebhookEvent>().AsNoTracking().Where(e => e.ConnectionId != null && ids.Contains(e.ConnectionId.Value))
                .GroupBy(e => e.ConnectionId)
                .Select(g => new
                {
                    Id = g.Key!.Value, Last = g.Max(e => e.ReceivedAt),
                    Today = g.Count(e => e.ReceivedAt >= since), Failed = g.Count(e => e.Failed && e.ReceivedAt >= since),
                }).ToListAsync(ct))
            .ToDictionary(e => e.Id);
        var problems = (await db.Set<ConnectionEvent>().AsNoTracking()
                .Where(e => e.ConnectionId != null && ids.Contains(e.ConnectionId.Value) && e.Action == ConnectionAction.Webhooks)
                .OrderByDescending(e => e.Id).Take(500).ToListAsync(ct))
            .GroupBy(e => e.ConnectionId).Select(g => g.First()).Where(e => !e.Succeeded).ToDictionary(e => e.ConnectionId!.Value, e => e.Message);
        return connections.Select(c =>
        {
            var mine = subscriptions.Where(s => s.ConnectionId == c.Id).ToList();
            var seen = events.GetValueOrDefault(c.Id);
            return new WebhookState(c.Id, c.DisplayName, c.Marketplace, catalog[c.Marketplace].Webhooks!.Registration,
                mine.Select(s => s.Topic).Order().ToList(), seen?.Last, seen?.Today ?? 0, seen?.Failed ?? 0, refusals.For(c.Id),
                problems.GetValueOrDefault(c.Id) ?? mine.Select(s => s.Message).FirstOrDefault(m => m is not null));
        }).ToList();
    }
}
