using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// One app+shop's leaky bucket of query cost points (fact sheet §6): a query is admitted when the bucket holds its
/// requested cost, which is taken up front; the difference to the actual cost is refunded after it ran.
/// </summary>
internal sealed class ShopifyCostBucket
{
    private readonly Lock _lock = new();
    private readonly double _maximum;
    private readonly double _restoreRate;
    private double _available;
    private DateTimeOffset _at;

    public ShopifyCostBucket(double maximum, double restoreRate, DateTimeOffset now) =>
        (_maximum, _restoreRate, _available, _at) = (maximum, restoreRate, maximum, now);

    public bool TryTake(int cost, DateTimeOffset now)
    {
        lock (_lock)
        {
            Restore(now);
            if (cost > _available) return false;
            _available -= cost;
            return true;
        }
    }

    public void Refund(int points)
    {
        lock (_lock) _available = Math.Min(_maximum, _available + points);
    }

    /// <summary>The <c>throttleStatus</c> block, as Shopify writes it (the level in whole points).</summary>
    public JsonObject Status(DateTimeOffset now)
    {
        lock (_lock)
        {
            Restore(now);
            return new JsonObject { ["maximumAvailable"] = _maximum, ["currentlyAvailable"] = (int)Math.Floor(_available), ["restoreRate"] = _restoreRate };
        }
    }

    private void Restore(DateTimeOffset now)
    {
        if (now <= _at) return;
        _available = Math.Min(_maximum, _available + (now - _at).TotalSeconds * _restoreRate);
        _at = now;
    }
}
