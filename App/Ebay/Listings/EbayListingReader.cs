using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products.Listings;
using Marketplaces.Products;
using static Marketplaces.Ebay.Listings.EbayListingPublisher;

namespace Marketplaces.Ebay.Listings;

/// <summary>
/// The seller's eBay inventory for linking to the catalog (ebay.md "Read listings"): getInventoryItems page by page
/// (following <c>next</c> as given, since its <c>offset</c> counts pages), an item of a group folded into its group's
/// listing (options from the group's <c>variesBy</c>), and each SKU's offer for its price and whether it is live. The
/// offers cost a call per SKU: the Inventory API has no call that lists them without one.
/// </summary>
internal sealed class EbayListingReader(EbayListingPublisher publisher)
{
    public async IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var grouped = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        string? next = "inventory_item?limit=100&offset=0";
        while (next is not null)
        {
            using var page = await ReadAsync(api, HttpMethod.Get, next, null, null, ct);
            var items = page.RootElement.TryGetProperty("inventoryItems", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(i => i.Clone()).ToList() : [];
            foreach (var item in items)
            {
                if (item.TryGetProperty("groupIds", out var groups) && groups.ValueKind == JsonValueKind.Array && groups.GetArrayLength() > 0)
                {
                    var key = groups[0].GetString()!;
                    if (!grouped.TryGetValue(key, out var members)) grouped[key] = members = [];
                    members.Add(item);
                }
                else if (JsonText.Of(item, "sku") is { } sku) yield return await SingleAsync(api, sku, item, ct);
            }
            next = JsonText.Of(page.RootElement, "next") is { Length: > 0 } href && items.Count > 0 ? href : null;
        }
        foreach (var (key, members) in grouped) yield return await GroupAsync(api, key, members, ct);
    }

    private async Task<MarketplaceListing> SingleAsync(ConnectionApi api, string sku, JsonElement item, CancellationToken ct)
    {
        var offer = (await publisher.OffersAsync(api, sku, ct)).FirstOrDefault();
        var product = item.TryGetProperty("product", out var p) ? p : default;
        return new MarketplaceListing(offer?.ListingId ?? sku, sku, JsonText.Of(product, "title") ?? sku, offer?.ListingId is { } id ? ListingUrl(api, id) : null,
            offer?.Published == true, offer?.Price, offer?.Quantity ?? Quantity(item), JsonText.Of(product, "description"), [], []);
    }

    private async Task<MarketplaceListing> GroupAsync(ConnectionApi api, string key, List<JsonElement> members, CancellationToken ct)
    {
        using var group = await publisher.GroupAsync(api, key, ct);
        var root = group?.RootElement ?? default;
        var options = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("variesBy", out var variesBy) && variesBy.TryGetProperty("specifications", out var specs)
            ? specs.EnumerateArray().Select((s, i) => new ProductOption
            {
                Name = JsonText.Of(s, "name") ?? "", Position = i,
                Values = s.TryGetProperty("values", out var values) ? values.EnumerateArray().Select(v => v.GetString() ?? "").ToList() : [],
            }).ToList()
            : [];
        var variants = new List<MarketplaceListingVariant>();
        EbayOffer? live = null;
        foreach (var member in members)
        {
            var sku = JsonText.Of(member, "sku")!;
            var offer = (await publisher.OffersAsync(api, sku, ct)).FirstOrDefault();
            if (offer?.Published == true) live ??= offer;
            var aspects = member.TryGetProperty("product", out var product) && product.TryGetProperty("aspects", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
            variants.Add(new MarketplaceListingVariant(sku,
                options.Select(o => aspects.ValueKind == JsonValueKind.Object && aspects.TryGetProperty(o.Name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
                    ? v[0].GetString() ?? "" : "").ToList(),
                offer?.Price, offer?.Quantity ?? Quantity(member)));
        }
        return new MarketplaceListing(live?.ListingId ?? key, key, JsonText.Of(root, "title") ?? key, live?.ListingId is { } id ? ListingUrl(api, id) : null,
            live is not null, null, null, JsonText.Of(root, "description"), options, variants);
    }

    private static int? Quantity(JsonElement item) =>
        item.TryGetProperty("availability", out var a) && a.TryGetProperty("shipToLocationAvailability", out var s) && s.TryGetProperty("quantity", out var q) && q.TryGetInt32(out var n)
            ? n : null;
}
