namespace Marketplaces.Database.Locks;

/// <summary>Locks for the one process that owns a SQLite database.</summary>
public sealed class InProcessLocks : IExclusiveLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken ct)
    {
        var name = $"{scope}\n{key}";
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(name, out entry!)) _entries[name] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(ct);
        }
        catch
        {
            Leave(name, entry);
            throw;
        }
        return new Held(this, name, entry);
    }

    /// <summary>How many callers hold or wait for the lock (tests wait on this to line callers up).</summary>
    internal int Users(string scope, string key)
    {
        lock (_gate) return _entries.TryGetValue($"{scope}\n{key}", out var entry) ? entry.Users : 0;
    }

    private void Leave(string name, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.Users == 0) _entries.Remove(name);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Held(InProcessLocks owner, string name, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(name, entry);
            }
            return ValueTask.CompletedTask;
        }
    }
}
