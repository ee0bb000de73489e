namespace Marketplaces.Etsy.Sandbox.Listings;

/// <summary>
/// A few nodes of Etsy's seller taxonomy (ids and names from memory of Etsy's tree, not the sheet): enough to offer a
/// choice and to refuse a listing in a node that is not a leaf or not there.
/// </summary>
internal static class EtsySandboxTaxonomy
{
    public sealed record Node(long Id, string Name, long? ParentId);

    public static readonly IReadOnlyList<Node> All =
    [
        new(891, "Home & Living", null), new(1002, "Kitchen & Dining", 891), new(1062, "Drink & Barware", 1002), new(1070, "Mugs", 1062),
        new(1, "Accessories", null), new(166, "Bags & Purses", 1), new(171, "Tote Bags", 166),
        new(374, "Clothing", null), new(448, "Men's Clothing", 374), new(482, "T-shirts", 448),
        new(66, "Art & Collectibles", null), new(119, "Prints", 66),
    ];

    public static bool IsLeaf(long id) => All.Any(n => n.Id == id) && All.All(n => n.ParentId != id);

    public static IReadOnlyList<long> PathOf(long id)
    {
        var path = new List<long>();
        for (var node = All.FirstOrDefault(n => n.Id == id); node is not null; node = All.FirstOrDefault(n => n.Id == node.ParentId)) path.Insert(0, node.Id);
        return path;
    }
}
