namespace Marketplaces.Database.Locks;

/// <summary>
/// One holder at a time for a named piece of work (a connection's token refresh, a feed run, an order's shipment
/// push): in this process on SQLite, which runs one instance, and across every instance on PostgreSQL.
/// </summary>
public interface IExclusiveLocks
{
    /// <summary>Waits until <paramref name="scope"/>/<paramref name="key"/> is free and holds it until disposed.</summary>
    Task<IAsyncDisposable> AcquireAsync(string scope, string key, CancellationToken ct);
}
