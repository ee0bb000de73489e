using System.Collections.Concurrent;

namespace Marketplaces.Sandbox.Orders;

/// <summary>
/// Every emulator's order books, one per (marketplace, seller), opened on first use. Emulators pass how their
/// marketplace numbers orders; tests and benchmarks reach the same books to add, change and inspect orders.
/// </summary>
public sealed class SandboxOrderBooks(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Marketplace, string Seller), SandboxOrderBook> _books = new();
    private readonly ConcurrentDictionary<string, Action<string, SandboxOrder>> _sales = new();
    private readonly ConcurrentDictionary<string, Action<string, SandboxOrder, bool>> _changes = new();

    /// <param name="idOf">The marketplace's order id for the seller's n-th order (deterministic).</param>
    public SandboxOrderBook For(string marketplace, string seller, Func<int, string> idOf) =>
        _books.GetOrAdd((marketplace, seller), key => new SandboxOrderBook(key.Marketplace, key.Seller, idOf, clock,
            order => _sales.GetValueOrDefault(key.Marketplace)?.Invoke(key.Seller, order),
            (order, created) => _changes.GetValueOrDefault(key.Marketplace)?.Invoke(key.Seller, order, created)));

    /// <summary>How an emulator that keeps listings takes a placed order's units off their stock, by seller.</summary>
    public void OnSale(string marketplace, Action<string, SandboxOrder> sold) => _sales[marketplace] = sold;

    /// <summary>How an emulator that pushes webhooks hears of an order created (true) or changed, by seller.</summary>
    public void OnChange(string marketplace, Action<string, SandboxOrder, bool> changed) => _changes[marketplace] = changed;

    /// <summary>A book that an emulator has opened already (tests look at what the app did).</summary>
    public SandboxOrderBook Opened(string marketplace, string seller) =>
        _books.TryGetValue((marketplace, seller), out var book) ? book
            : throw new InvalidOperationException($"No {marketplace} sandbox order book is open for {seller}");
}
