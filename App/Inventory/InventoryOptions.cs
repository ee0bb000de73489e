namespace Marketplaces.Inventory;

/// <summary>Settings under <c>Inventory</c>.</summary>
public sealed class InventoryOptions
{
    /// <summary>
    /// How long a stock change waits before it is pushed, so that a burst (ten sales of one SKU read in a minute, an edit
    /// of many variants) goes out as one call per listing with the latest quantity.
    /// </summary>
    public double PushDelaySeconds { get; set; } = 5;
}
