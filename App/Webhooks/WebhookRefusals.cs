using System.Collections.Concurrent;

namespace Marketplaces.Webhooks;

/// <summary>
/// Deliveries refused since the app started, by the connection they claimed to be for: a wrong secret shows on that
/// connection's card. Kept in memory only: a refused delivery stores nothing.
/// </summary>
public sealed class WebhookRefusals
{
    public sealed record Tally(int Count, DateTimeOffset Last, string Reason);

    private readonly ConcurrentDictionary<Guid, Tally> _tallies = new();

    public void Count(Guid? connectionId, string reason, DateTimeOffset at)
    {
        if (connectionId is { } id) _tallies.AddOrUpdate(id, _ => new Tally(1, at, reason), (_, t) => new Tally(t.Count + 1, at, reason));
    }

    public Tally? For(Guid connectionId) => _tallies.GetValueOrDefault(connectionId);
}
