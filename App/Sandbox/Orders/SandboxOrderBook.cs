namespace Marketplaces.Sandbox.Orders;

/// <summary>
/// One seller's orders in one emulator, in memory. It opens with the seeded orders (dated just before it opened);
/// tests add, change and ship orders over time, each change moving the order's <see cref="SandboxOrder.ModifiedAt"/>
/// strictly forward. <see cref="Interrupt"/> makes the next reads fail part-way through a walk and
/// <see cref="LoseNextShipmentAnswer"/> makes a shipment arrive while its answer is lost, as after a timeout.
/// Every member is thread-safe; read orders only inside <see cref="Read{T}"/>.
/// </summary>
public sealed class SandboxOrderBook
{
    private readonly string _marketplace;
    private readonly string _seller;
    private readonly Func<int, string> _idOf;
    private readonly TimeProvider _clock;
    private readonly List<SandboxOrder> _orders;
    private readonly List<string> _requests = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _lastChange;
    private Interruption? _interruption;
    private Func<string?, string?>? _nextPage;
    private Func<string, string>? _rewrite;
    private bool _endless;
    private int _lostAnswers;
    private readonly Action<SandboxOrder> _sold;
    private readonly Action<SandboxOrder, bool> _changed;

    internal SandboxOrderBook(string marketplace, string seller, Func<int, string> idOf, TimeProvider clock, Action<SandboxOrder> sold,
        Action<SandboxOrder, bool> changed)
    {
        (_marketplace, _seller, _idOf, _clock, _sold, _changed) = (marketplace, seller, idOf, clock, sold, changed);
        _lastChange = Milliseconds(clock.GetUtcNow());
        _orders = SandboxOrderSeed.Initial(marketplace, seller, _lastChange, idOf);
    }

    public IReadOnlyList<SandboxOrder> List()
    {
        lock (_gate) return [.. _orders];
    }

    public SandboxOrder? Find(string orderId)
    {
        lock (_gate) return _orders.FirstOrDefault(o => o.Id == orderId);
    }

    public SandboxOrder Add() => AddMany(1)[0];

    /// <summary>New orders, created now, as a buyer would place them.</summary>
    public IReadOnlyList<SandboxOrder> AddMany(int count)
    {
        List<SandboxOrder> added;
        lock (_gate) added = Added(count);
        foreach (var order in added) _changed(order, true);
        return added;
    }

    private List<SandboxOrder> Added(int count)
    {
        var added = new List<SandboxOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var order = SandboxOrderSeed.Added(_marketplace, _seller, _orders.Count + 1, Now(), _idOf);
            _orders.Add(order);
            added.Add(order);
        }
        return added;
    }

    /// <summary>
    /// A buyer's order of what <paramref name="shape"/> puts in it (its lines), placed now: the emulator takes the sold
    /// units off its listings' stock, as the marketplace does on a sale, where it keeps listings.
    /// </summary>
    public SandboxOrder Place(Action<SandboxOrder> shape)
    {
        SandboxOrder order;
        lock (_gate)
        {
            order = Added(1)[0];
            shape(order);
        }
        _sold(order);
        _changed(order, true);
        return order;
    }

    /// <summary>Changes an order as the buyer or the marketplace would; it is then modified now.</summary>
    public SandboxOrder Update(string orderId, Action<SandboxOrder> change)
    {
        SandboxOrder order;
        lock (_gate)
        {
            order = _orders.Single(o => o.Id == orderId);
            change(order);
            order.ModifiedAt = Now();
        }
        _changed(order, false);
        return order;
    }

    /// <summary>
    /// Records a shipment on the order as the marketplace's ship call does: the order becomes shipped when every
    /// line is, partly shipped otherwise. Null when the order is not the seller's.
    /// </summary>
    public SandboxShipment? Ship(string orderId, Func<SandboxOrder, SandboxShipment> make)
    {
        SandboxOrder? order;
        SandboxShipment shipment;
        lock (_gate)
        {
            if ((order = _orders.FirstOrDefault(o => o.Id == orderId)) is null) return null;
            shipment = make(order);
            order.Shipments.Add(shipment);
            order.Status = order.Lines.All(l => order.ShippedQuantity(l) >= l.Quantity) ? SandboxOrderStatus.Shipped : SandboxOrderStatus.PartiallyShipped;
            order.ModifiedAt = Now();
        }
        _changed(order, false);
        return shipment;
    }

    /// <summary>The next shipment is recorded but its answer never arrives (the emulator drops the connection).</summary>
    public void LoseNextShipmentAnswer()
    {
        lock (_gate) _lostAnswers++;
    }

    /// <summary>Whether the answer to the shipment just recorded is to be lost.</summary>
    public bool TakeLostAnswer()
    {
        lock (_gate)
        {
            if (_lostAnswers == 0) return false;
            _lostAnswers--;
            return true;
        }
    }

    /// <summary>After <paramref name="afterPages"/> more reads, the next one runs <paramref name="then"/> and fails (the emulator answers 500).</summary>
    public void Interrupt(int afterPages, Action? then = null)
    {
        lock (_gate) _interruption = new Interruption(afterPages, then);
    }

    /// <summary>
    /// Misbehaves as a marketplace's spec allows and its emulator otherwise never does: every later list answer carries
    /// what <paramref name="next"/> makes of the next-page link or token the emulator would send (null: its own again).
    /// </summary>
    public void SendNextPage(Func<string?, string?>? next)
    {
        lock (_gate) _nextPage = next;
    }

    /// <summary>
    /// Misbehaves as a spec with opaque page tokens allows: every later list answer carries a next page, the last one
    /// too, each time a token not sent before, so a walk that follows them never ends on its own.
    /// </summary>
    public void SendEndlessPages(bool endless)
    {
        lock (_gate) _endless = endless;
    }

    /// <summary>Whether a list answer with no more orders is still to carry a next page (<see cref="SendEndlessPages"/>).</summary>
    public bool EndlessPages
    {
        get { lock (_gate) return _endless; }
    }

    /// <summary>
    /// Misbehaves with data the spec allows and the emulator never makes (an amount that is not a number, a NUL, an
    /// unpaired surrogate, a 3 KB id): every later list answer's JSON text goes through <paramref name="rewrite"/>.
    /// </summary>
    public void RewriteAnswers(Func<string, string>? rewrite)
    {
        lock (_gate) _rewrite = rewrite;
    }

    /// <summary>A list answer's JSON text as it is to be sent.</summary>
    public string Answer(string json)
    {
        lock (_gate) return _rewrite is null ? json : _rewrite(json);
    }

    /// <summary>The next-page link or token to send in place of <paramref name="own"/>.</summary>
    public string? NextPage(string? own)
    {
        lock (_gate) return _nextPage is null ? own : _nextPage(own);
    }

    /// <summary>The query strings of the list reads served, oldest first.</summary>
    public IReadOnlyList<string> Requests()
    {
        lock (_gate) return [.. _requests];
    }

    /// <summary>
    /// Serves one list read: renders the orders under the book's lock, or returns false when an interruption is
    /// due (the emulator answers with its 500).
    /// </summary>
    public bool TryRead<T>(string query, Func<IReadOnlyList<SandboxOrder>, T> render, out T? result)
    {
        Action? interrupt = null;
        lock (_gate)
        {
            _requests.Add(query);
            if (_interruption is { } due)
            {
                if (due.AfterPages > 0) _interruption = due with { AfterPages = due.AfterPages - 1 };
                else
                {
                    _interruption = null;
                    interrupt = due.Then ?? (() => { });
                }
            }
            result = interrupt is null ? render(_orders) : default;
        }
        interrupt?.Invoke();
        return interrupt is null;
    }

    /// <summary>Reads the orders under the book's lock (a single order's view, a lookup).</summary>
    public T Read<T>(Func<IReadOnlyList<SandboxOrder>, T> read)
    {
        lock (_gate) return read(_orders);
    }

    /// <summary>Marketplace timestamps carry milliseconds at most.</summary>
    public static DateTimeOffset Milliseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private DateTimeOffset Now()
    {
        var now = Milliseconds(_clock.GetUtcNow());
        _lastChange = now > _lastChange ? now : _lastChange.AddMilliseconds(1);
        return _lastChange;
    }

    private sealed record Interruption(int AfterPages, Action? Then);
}
