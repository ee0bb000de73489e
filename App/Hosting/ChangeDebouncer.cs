namespace Marketplaces.Hosting;

/// <summary>
/// Follows one or more <see cref="Notifier{TTopic}"/>s for an open page and calls back once a burst of changes has
/// settled, so that a sync committing page after page reloads the page once, not once per page.
/// </summary>
public sealed class ChangeDebouncer(TimeSpan quiet, Action settled) : IDisposable
{
    private readonly Timer _timer = new(_ => settled());
    private readonly List<IDisposable> _subscriptions = [];

    public ChangeDebouncer Follow<TTopic>(Notifier<TTopic> notifier)
    {
        _subscriptions.Add(notifier.Subscribe(() => _timer.Change(quiet, Timeout.InfiniteTimeSpan)));
        return this;
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _timer.Dispose();
    }
}
