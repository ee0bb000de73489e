namespace Marketplaces.Ebay.Sandbox.Orders;

/// <summary>
/// The emulator's orders, one book per seller, kept in memory: a seller's book opens with the seeded orders (the
/// same ones for the same seller, dated just before the book opened), and tests add and change orders over time,
/// each change moving lastModifiedDate forward. <see cref="Interrupt"/> makes the API fail part-way through a walk.
/// </summary>
public sealed class EbaySandboxOrders(TimeProvider clock)
{
    private readonly Dictionary<string, Book> _books = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IReadOnlyList<EbaySandboxOrder> List(EbaySandboxAccount seller)
    {
        lock (_gate) return [.. BookOf(seller).Orders];
    }

    public EbaySandboxOrder Add(EbaySandboxAccount seller)
    {
        lock (_gate)
        {
            var book = BookOf(seller);
            var order = SellerOrderSeed.Added(seller.UserId, book.Orders.Count + 1, Now(book));
            book.Orders.Add(order);
            return order;
        }
    }

    /// <summary>Changes an order as the buyer or eBay would; its lastModifiedDate becomes now (and strictly later than before).</summary>
    public EbaySandboxOrder Update(EbaySandboxAccount seller, string orderId, Action<EbaySandboxOrder> change)
    {
        lock (_gate)
        {
            var book = BookOf(seller);
            var order = book.Orders.Single(o => o.OrderId == orderId);
            change(order);
            order.LastModifiedDate = Now(book);
            return order;
        }
    }

    /// <summary>After <paramref name="afterPages"/> more pages of getOrders, the next call runs <paramref name="then"/> and fails with a 500.</summary>
    public void Interrupt(EbaySandboxAccount seller, int afterPages, Action? then = null)
    {
        lock (_gate) BookOf(seller).Interruption = new Interruption(afterPages, then);
    }

    /// <summary>The query strings of the getOrders calls served for the seller, oldest first.</summary>
    public IReadOnlyList<string> Requests(EbaySandboxAccount seller)
    {
        lock (_gate) return [.. BookOf(seller).Requests];
    }

    /// <summary>Serves one getOrders call: false when an interruption is due (the caller answers 500).</summary>
    internal bool TryServe(EbaySandboxAccount seller, string query, Func<IReadOnlyList<EbaySandboxOrder>, object> render, out object? body)
    {
        Action? interrupt = null;
        lock (_gate)
        {
            var book = BookOf(seller);
            book.Requests.Add(query);
            if (book.Interruption is { } due)
            {
                if (due.AfterPages > 0) book.Interruption = due with { AfterPages = due.AfterPages - 1 };
                else
                {
                    book.Interruption = null;
                    interrupt = due.Then ?? (() => { });
                }
            }
            body = interrupt is null ? render(book.Orders) : null;
        }
        interrupt?.Invoke();
        return interrupt is null;
    }

    internal object? Find(EbaySandboxAccount seller, string orderId, Func<EbaySandboxOrder, object> render)
    {
        lock (_gate) return BookOf(seller).Orders.FirstOrDefault(o => o.OrderId == orderId) is { } order ? render(order) : null;
    }

    private Book BookOf(EbaySandboxAccount seller)
    {
        if (_books.TryGetValue(seller.UserId, out var book)) return book;
        var anchor = SellerOrderSeed.Milliseconds(clock.GetUtcNow());
        return _books[seller.UserId] = new Book(SellerOrderSeed.Initial(seller.UserId, anchor)) { LastChange = anchor };
    }

    private DateTimeOffset Now(Book book)
    {
        var now = SellerOrderSeed.Milliseconds(clock.GetUtcNow());
        book.LastChange = now > book.LastChange ? now : book.LastChange.AddMilliseconds(1);
        return book.LastChange;
    }

    private sealed class Book(List<EbaySandboxOrder> orders)
    {
        public List<EbaySandboxOrder> Orders { get; } = orders;
        public List<string> Requests { get; } = [];
        public DateTimeOffset LastChange { get; set; }
        public Interruption? Interruption { get; set; }
    }

    private sealed record Interruption(int AfterPages, Action? Then);
}
