namespace Marketplaces.Inventory;

/// <summary>Why a product save moves stock, and who saves it, for the ledger.</summary>
/// <param name="Loaded">
/// The quantities by SKU the editor started from: a SKU the seller left at that value keeps what is stored now, so a
/// sale read while the page was open is not undone by saving the page.
/// </param>
public sealed record StockCause(StockMovementReason Reason, string? Actor, string Note, IReadOnlyDictionary<string, int>? Loaded = null)
{
    public static readonly StockCause Edit = new(StockMovementReason.Edit, null, "Edited");

    public static StockCause EditedBy(string? actor, IReadOnlyDictionary<string, int>? loaded) => new(StockMovementReason.Edit, actor, "Edited", loaded);

    public static readonly StockCause Import = new(StockMovementReason.Import, null, "CSV import");
}
