namespace Marketplaces.Hosting;

/// <summary>
/// Tells open pages that something about <typeparamref name="TTopic"/> changed (a job ran, a connection was
/// refreshed), so they re-render without polling. Subscriptions are disposable; handlers run on the caller's thread
/// and marshal to their component themselves (<c>InvokeAsync</c>).
/// </summary>
public sealed class Notifier<TTopic>
{
    private readonly List<Action> _handlers = [];
    private readonly Lock _gate = new();

    public IDisposable Subscribe(Action handler)
    {
        lock (_gate) _handlers.Add(handler);
        return new Subscription(() => { lock (_gate) _handlers.Remove(handler); });
    }

    public void Changed()
    {
        Action[] handlers;
        lock (_gate) handlers = [.. _handlers];
        foreach (var handler in handlers) handler();
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
