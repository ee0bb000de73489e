namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// The emulator's category tree: a few leaf categories with eBay's names and ids (from memory of eBay US's tree), the
/// words that suggest them, and the item specifics each requires at publish time. The same tree serves every
/// marketplace's tree id. Not a copy of eBay's tree: enough to suggest, to refuse a category that is not a leaf or
/// not there, and to refuse a missing required aspect.
/// </summary>
internal static class EbaySandboxCategories
{
    public sealed record Category(string Id, string Name, IReadOnlyList<(string Id, string Name)> Ancestors, IReadOnlyList<string> Words, IReadOnlyList<string> RequiredAspects);

    public static readonly IReadOnlyList<Category> All =
    [
        new("15687", "T-Shirts", [("11450", "Clothing, Shoes & Accessories"), ("1059", "Men"), ("260012", "Men's Clothing")],
            ["t-shirt", "tshirt", "tee", "shirt"], ["Brand", "Size"]),
        new("20693", "Mugs", [("11700", "Home & Garden"), ("20625", "Kitchen, Dining & Bar")], ["mug", "cup"], ["Brand"]),
        new("169291", "Women's Bags & Handbags", [("11450", "Clothing, Shoes & Accessories"), ("260010", "Women")],
            ["bag", "handbag", "purse", "tote"], ["Brand", "Department"]),
        new("9355", "Cell Phones & Smartphones", [("15032", "Cell Phones & Accessories")], ["phone", "smartphone"], ["Brand", "Model"]),
        new("88433", "Other", [("99", "Everything Else")], [], []),
    ];

    /// <summary>Ids of categories that have children: a listing there is refused as not a leaf.</summary>
    private static readonly HashSet<string> Branches = All.SelectMany(c => c.Ancestors).Select(a => a.Id).ToHashSet();

    public static Category? Leaf(string? id) => Branches.Contains(id ?? "") ? null : All.FirstOrDefault(c => c.Id == id);

    /// <summary>Categories whose words appear in the query, best first; "Everything Else › Other" when none do.</summary>
    public static IReadOnlyList<Category> Suggest(string query)
    {
        var words = query.ToLowerInvariant().Split([' ', ',', '.', '/', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var found = All.Select(c => (Category: c, Hits: words.Count(w => c.Words.Any(k => w.StartsWith(k, StringComparison.Ordinal)))))
            .Where(c => c.Hits > 0).OrderByDescending(c => c.Hits).Select(c => c.Category).ToList();
        return found.Count > 0 ? found : [All[^1]];
    }
}
