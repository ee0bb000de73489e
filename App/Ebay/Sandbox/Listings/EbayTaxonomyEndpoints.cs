using System.Text.Json.Nodes;

namespace Marketplaces.Ebay.Sandbox.Listings;

/// <summary>
/// Taxonomy API getDefaultCategoryTreeId, getCategorySuggestions and getItemAspectsForCategory (ebay.md "Prerequisites for listing"), which take
/// an application token (client credentials), not a user's: a user token is refused as eBay refuses a token without
/// the operation's grant. Errors 62002, 62003, 62004 and 62007 as the contract lists them.
/// </summary>
internal sealed class EbayTaxonomyEndpoints(EbayRestApi restApi)
{
    private const string TreeVersion = "130";

    public async Task<IResult> DefaultTreeAsync(HttpRequest request, CancellationToken ct)
    {
        if (await RefusedAsync(request, ct) is { } refused) return refused;
        var marketplace = request.Query["marketplace_id"].ToString();
        if (marketplace.Length == 0) return Error(62002, "Missing marketplace ID.");
        return EbaySandboxSites.Find(marketplace) is { } site
            ? Results.Json(new { categoryTreeId = site.CategoryTreeId, categoryTreeVersion = TreeVersion })
            : Error(62003, "The specified marketplace ID was not found.");
    }

    public async Task<IResult> SuggestionsAsync(HttpRequest request, string treeId, CancellationToken ct)
    {
        if (await RefusedAsync(request, ct) is { } refused) return refused;
        if (EbaySandboxSites.All.All(s => s.CategoryTreeId != treeId)) return Error(62004, "The specified category tree ID was not found.");
        var query = request.Query["q"].ToString();
        if (query.Trim().Length == 0) return Error(62007, "Missing keyword 'q'. Please specify a valid set of keywords that best describes your item.");
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}/api/commerce/taxonomy/v1/category_tree/{treeId}";
        var suggestions = EbaySandboxCategories.Suggest(query).Select((category, rank) => (JsonNode)new JsonObject
        {
            ["category"] = new JsonObject { ["categoryId"] = category.Id, ["categoryName"] = category.Name },
            ["categoryTreeNodeAncestors"] = new JsonArray([.. category.Ancestors.Reverse().Select((a, i) => (JsonNode)new JsonObject
            {
                ["categoryId"] = a.Id, ["categoryName"] = a.Name,
                ["categorySubtreeNodeHref"] = $"{root}/get_category_subtree?category_id={a.Id}",
                ["categoryTreeNodeLevel"] = category.Ancestors.Count - i,
            })]),
            ["categoryTreeNodeLevel"] = category.Ancestors.Count + 1,
            ["relevancy"] = rank == 0 ? "HIGH" : "MEDIUM",
        });
        return Results.Json(new JsonObject
        {
            ["categorySuggestions"] = new JsonArray([.. suggestions]), ["categoryTreeId"] = treeId, ["categoryTreeVersion"] = TreeVersion,
        });
    }

    /// <summary>getItemAspectsForCategory: the category's required item specifics as free-text aspects (62006, 62009 as the contract lists).</summary>
    public async Task<IResult> AspectsAsync(HttpRequest request, string treeId, CancellationToken ct)
    {
        if (await RefusedAsync(request, ct) is { } refused) return refused;
        if (EbaySandboxSites.All.All(s => s.CategoryTreeId != treeId)) return Error(62004, "The specified category tree ID was not found.");
        var id = request.Query["category_id"].ToString();
        if (id.Length == 0) return Error(62006, "Missing category ID.");
        if (EbaySandboxCategories.Leaf(id) is not { } category) return Error(62009, "The specified category ID must be a leaf category.");
        return Results.Json(new JsonObject
        {
            ["aspects"] = new JsonArray([.. category.RequiredAspects.Select(name => (JsonNode)new JsonObject
            {
                ["localizedAspectName"] = name,
                ["aspectConstraint"] = new JsonObject
                {
                    ["aspectDataType"] = "STRING", ["aspectMode"] = "FREE_TEXT", ["aspectRequired"] = true, ["aspectUsage"] = "RECOMMENDED",
                    ["itemToAspectCardinality"] = "SINGLE", ["aspectEnabledForVariations"] = name != "Brand",
                },
            })]),
        });
    }

    private async Task<IResult?> RefusedAsync(HttpRequest request, CancellationToken ct)
    {
        var caller = await restApi.CallerAsync(request, ct);
        if (caller is null) return EbayRestApi.InvalidAccessToken();
        return caller.Account.Length == 0 && caller.Scopes.Contains(EbayScopes.Base) ? null : EbayRestApi.AccessDenied();
    }

    private static IResult Error(int id, string message) => EbayInventoryErrors.Error(400, id, message, "API_TAXONOMY");
}
