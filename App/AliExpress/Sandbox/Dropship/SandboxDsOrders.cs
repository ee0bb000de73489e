using System.Collections.Concurrent;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// The sandbox buyer's AliExpress orders, in memory. An order waits for payment (PLACE_ORDER_SUCCESS) unless it was
/// placed with <c>try_to_pay</c>, which the sandbox buyer is whitelisted for; a paid order ships <see cref="ShipAfter"/>
/// later with a tracking number (or at once through <see cref="Ship"/>), and an unpaid one closes when its payment
/// time runs out. Its state is worked out from the clock whenever it is read.
/// </summary>
public sealed class SandboxDsOrders(TimeProvider clock)
{
    public static readonly TimeSpan ShipAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan PayWithin = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<long, SandboxDsOrder> _orders = new();
    private readonly ConcurrentDictionary<string, SandboxDsOrder> _byOutOrderId = new(StringComparer.Ordinal);
    private long _next = 8198352049850000;

    public IReadOnlyCollection<SandboxDsOrder> All => [.. _orders.Values];

    public SandboxDsOrder? Find(long orderId) => _orders.GetValueOrDefault(orderId);

    /// <summary>The order placed earlier with this out_order_id within 24 hours (aliexpress.md §5.4: an idempotency key for 24 h).</summary>
    public SandboxDsOrder? FindByOutOrderId(string outOrderId) =>
        _byOutOrderId.TryGetValue(outOrderId, out var order) && clock.GetUtcNow() - order.CreatedAt < TimeSpan.FromHours(24) ? order : null;

    public SandboxDsOrder Add(string? outOrderId, string fingerprint, IReadOnlyList<SandboxDsOrderItem> items, string country, bool paid)
    {
        var now = clock.GetUtcNow();
        var order = new SandboxDsOrder
        {
            OrderId = Interlocked.Increment(ref _next), OutOrderId = outOrderId, Fingerprint = fingerprint, Items = items, Country = country,
            CreatedAt = now, PaidAt = paid ? now : null,
        };
        _orders[order.OrderId] = order;
        if (outOrderId is not null) _byOutOrderId[outOrderId] = order;
        return order;
    }

    /// <summary>The buyer pays on the website (the sandbox's stand-in for "Pay now").</summary>
    public void Pay(long orderId) => Find(orderId)!.PaidAt ??= clock.GetUtcNow();

    /// <summary>The supplier ships now rather than <see cref="ShipAfter"/> after payment.</summary>
    public void Ship(long orderId)
    {
        var order = Find(orderId)!;
        order.PaidAt ??= clock.GetUtcNow();
        order.ShippedAt = clock.GetUtcNow();
    }

    public (string OrderStatus, string LogisticsStatus, DateTimeOffset? ShippedAt) StatusOf(SandboxDsOrder order)
    {
        var now = clock.GetUtcNow();
        if (order.PaidAt is null)
            return now - order.CreatedAt > PayWithin ? ("FINISH", "NO_LOGISTICS", null) : ("PLACE_ORDER_SUCCESS", "DEFAULT", null);
        var shipped = order.ShippedAt ?? (now - order.PaidAt >= ShipAfter ? order.PaidAt + ShipAfter : null);
        return shipped is null ? ("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS", null) : ("WAIT_BUYER_ACCEPT_GOODS", "SELLER_SEND_GOODS", shipped);
    }
}

public sealed class SandboxDsOrder
{
    public long OrderId { get; init; }
    public string? OutOrderId { get; init; }

    /// <summary>What was ordered, to tell a retry of the same order from another order under the same out_order_id.</summary>
    public required string Fingerprint { get; init; }

    public required IReadOnlyList<SandboxDsOrderItem> Items { get; init; }
    public required string Country { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PaidAt { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }

    public string TrackingNumber => $"LP{OrderId % 100000000000:D11}CN";
}

/// <param name="Price">Per unit, in US dollars, when ordered.</param>
public sealed record SandboxDsOrderItem(long ProductId, string SkuId, string Title, int Count, decimal Price, SandboxDsService Service, decimal ShippingFee);
