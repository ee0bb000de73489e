namespace Marketplaces.WooCommerce.Sandbox.Orders;

/// <summary>What WooCommerce keeps about an order that the marketplace-neutral book has no place for. Thread-safe.</summary>
public sealed class WooCommerceOrderExtras
{
    private readonly Lock _gate = new();
    private readonly List<WooCommerceOrderNote> _notes = [];
    private readonly List<WooCommerceTrackingItem> _trackings = [];
    private readonly List<WooCommerceMeta> _meta = [];
    private string? _status;

    /// <summary>A status set through the API that the book cannot hold (pending, on-hold, refunded, failed, checkout-draft).</summary>
    public string? Status
    {
        get { lock (_gate) return _status; }
        set { lock (_gate) _status = value; }
    }

    public IReadOnlyList<WooCommerceOrderNote> Notes()
    {
        lock (_gate) return [.. _notes];
    }

    public IReadOnlyList<WooCommerceTrackingItem> Trackings()
    {
        lock (_gate) return [.. _trackings];
    }

    public IReadOnlyList<WooCommerceMeta> Meta()
    {
        lock (_gate) return [.. _meta];
    }

    public void Add(WooCommerceOrderNote note)
    {
        lock (_gate) _notes.Add(note);
    }

    public void Add(WooCommerceTrackingItem tracking)
    {
        lock (_gate) _trackings.Add(tracking);
    }

    /// <summary>As <c>update_meta_data</c>: the key's entry gets the value, or a new entry is made with <paramref name="newId"/>.</summary>
    public void SetMeta(string key, string value, Func<long> newId)
    {
        lock (_gate)
        {
            var at = _meta.FindIndex(m => m.Key == key);
            if (at >= 0) _meta[at] = _meta[at] with { Value = value };
            else _meta.Add(new WooCommerceMeta(newId(), key, value));
        }
    }
}

public sealed record WooCommerceOrderNote(long Id, string Note, bool CustomerNote, DateTimeOffset CreatedAt);

/// <param name="Provider">A provider of the extension's list, or the custom provider's name.</param>
public sealed record WooCommerceTrackingItem(string TrackingId, string Provider, string Link, string Number, DateOnly DateShipped);

public sealed record WooCommerceMeta(long Id, string Key, string Value);
