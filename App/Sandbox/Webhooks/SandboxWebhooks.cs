using System.Collections.Concurrent;

namespace Marketplaces.Sandbox.Webhooks;

/// <summary>
/// The subscriptions every emulator holds, by marketplace, and the deliveries made to them. Each emulator decides
/// what a failed delivery does to its subscription (WooCommerce disables, Shopify removes) through <see cref="Delivered"/>.
/// Thread-safe; read subscriptions through <see cref="List"/>.
/// </summary>
public sealed class SandboxWebhooks(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, List<SandboxWebhook>> _hooks = new();
    private readonly ConcurrentQueue<SandboxDeliveryRecord> _deliveries = new();
    private readonly Lock _gate = new();
    private long _nextId = 1000;

    public SandboxWebhook Add(string marketplace, string seller, string topic, string address, string? secret, string? name)
    {
        var now = clock.GetUtcNow();
        var hook = new SandboxWebhook
        {
            Id = Interlocked.Increment(ref _nextId), Seller = seller, Topic = topic, Address = address, Secret = secret, Name = name,
            CreatedAt = now, ModifiedAt = now,
        };
        lock (_gate) Of(marketplace).Add(hook);
        return hook;
    }

    public IReadOnlyList<SandboxWebhook> List(string marketplace, string seller)
    {
        lock (_gate) return Of(marketplace).Where(h => h.Seller == seller).ToList();
    }

    public SandboxWebhook? Find(string marketplace, string seller, long id)
    {
        lock (_gate) return Of(marketplace).FirstOrDefault(h => h.Seller == seller && h.Id == id);
    }

    public bool Remove(string marketplace, string seller, long id)
    {
        lock (_gate) return Of(marketplace).RemoveAll(h => h.Seller == seller && h.Id == id) > 0;
    }

    /// <summary>Changes a subscription under the registry's lock (status, address).</summary>
    public void Change(string marketplace, SandboxWebhook hook, Action<SandboxWebhook> change)
    {
        lock (_gate)
        {
            change(hook);
            hook.ModifiedAt = clock.GetUtcNow();
        }
    }

    /// <summary>The seller's active subscriptions to a topic.</summary>
    public IReadOnlyList<SandboxWebhook> Active(string marketplace, string seller, string topic)
    {
        lock (_gate) return Of(marketplace).Where(h => h.Seller == seller && h.Topic == topic && h.Active).ToList();
    }

    /// <summary>Records a delivery's answer and applies the marketplace's rule to a failure (<paramref name="failed"/>, with the count in a row).</summary>
    public void Delivered(string marketplace, SandboxWebhook hook, string topic, int? status, Action<SandboxWebhook> failed)
    {
        _deliveries.Enqueue(new SandboxDeliveryRecord(marketplace, hook.Id, topic, status));
        lock (_gate)
        {
            if (status is >= 200 and < 300) hook.Failures = 0;
            else
            {
                hook.Failures++;
                failed(hook);
            }
        }
    }

    public IReadOnlyList<SandboxDeliveryRecord> Deliveries(string marketplace) => _deliveries.Where(d => d.Marketplace == marketplace).ToList();

    private List<SandboxWebhook> Of(string marketplace) => _hooks.GetOrAdd(marketplace, _ => []);
}
