namespace Marketplaces.PrestaShop.Sandbox;

/// <summary>One resource row: its id, its other fields as the webservice prints them (strings), and its associations.</summary>
public sealed record PrestaShopRow(int Id, IReadOnlyDictionary<string, string> Values)
{
    public IReadOnlyList<PrestaShopAssociation> Associations { get; init; } = [];

    /// <summary>Multilingual fields (a product's name, description…): the text in each language by language id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> Translations { get; init; } = new Dictionary<string, IReadOnlyDictionary<int, string>>();
}

/// <summary>A row's association as <c>display=full</c> prints it, e.g. an order's <c>order_rows</c> of <c>order_row</c>s.</summary>
public sealed record PrestaShopAssociation(string Name, string Item, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

/// <summary>
/// A resource's rows now. <paramref name="listQuery"/> is the query string of a list read (an order book records
/// it and may fail it, see SandboxOrderBook.TryRead), null for a single row; null back means the read failed.
/// </summary>
public delegate IReadOnlyList<PrestaShopRow>? PrestaShopRowSource(string? listQuery);
