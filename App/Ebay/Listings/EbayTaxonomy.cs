using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Ebay.Orders;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Ebay.Listings;

/// <summary>
/// eBay's Taxonomy API (ebay.md "Prerequisites for listing"), called with the application token: a site's category
/// tree (its id kept an hour), the category eBay suggests for a title, and the item specifics a category requires
/// (kept an hour).
/// </summary>
internal sealed class EbayTaxonomy(EbayApplicationTokens tokens, IMemoryCache cache)
{
    public async Task<string> SuggestedCategoryAsync(ConnectionApi api, EbaySite site, string title, CancellationToken ct)
    {
        var tree = await TreeAsync(api, site, ct);
        using var suggested = await GetAsync(api, $"category_tree/{tree}/get_category_suggestions?q={Uri.EscapeDataString(title)}", ct);
        return suggested.RootElement.TryGetProperty("categorySuggestions", out var suggestions) && suggestions.ValueKind == JsonValueKind.Array
               && suggestions.GetArrayLength() > 0 && JsonText.Of(suggestions[0].GetProperty("category"), "categoryId") is { } id
            ? id
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"eBay suggested no category for \"{title}\": choose one in the connection's channel settings.");
    }

    /// <summary>The names of the item specifics the category requires (getItemAspectsForCategory's aspectRequired).</summary>
    public Task<IReadOnlyList<string>> RequiredAspectsAsync(ConnectionApi api, EbaySite site, string categoryId, CancellationToken ct) =>
        cache.GetOrCreateAsync(("ebay-aspects", api.Target.Endpoints.ApiBaseUrl, site.MarketplaceId, categoryId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            var tree = await TreeAsync(api, site, ct);
            using var metadata = await GetAsync(api, $"category_tree/{tree}/get_item_aspects_for_category?category_id={Uri.EscapeDataString(categoryId)}", ct);
            return (IReadOnlyList<string>)metadata.RootElement.GetProperty("aspects").EnumerateArray()
                .Where(a => a.TryGetProperty("aspectConstraint", out var c) && c.TryGetProperty("aspectRequired", out var r) && r.ValueKind == JsonValueKind.True)
                .Select(a => JsonText.Of(a, "localizedAspectName")!).Where(n => n is not null).ToList();
        })!;

    private async Task<string> TreeAsync(ConnectionApi api, EbaySite site, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("ebay-category-tree", api.Target.Endpoints.ApiBaseUrl, site.MarketplaceId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            using var tree = await GetAsync(api, $"get_default_category_tree_id?marketplace_id={site.MarketplaceId}", ct);
            return JsonText.Of(tree.RootElement, "categoryTreeId")!;
        }))!;

    private async Task<JsonDocument> GetAsync(ConnectionApi api, string path, CancellationToken ct)
    {
        var token = await tokens.TokenAsync(api, ct);
        using var request = EbayRest.Request(api, HttpMethod.Get, EbayRest.Url(api, $"commerce/taxonomy/v1/{path}"), token, "commerce.taxonomy");
        using var response = await api.SendAsIsAsync(request, ct);
        return await EbayApiFailure.Errors.ReadJsonAsync(response, ct);
    }
}
