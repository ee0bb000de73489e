using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products;
using Marketplaces.Products.Listings;

namespace Marketplaces.Amazon.Listings;

/// <summary>
/// Listings items as the catalog imports them: a parent with its children (their relationships' parent SKU) is one
/// listing whose options are the parent's variation theme, read from each child's attribute of that name.
/// </summary>
internal sealed class AmazonListingReading(ConnectionApi api, AmazonMarketplace marketplace, IReadOnlyList<JsonElement> items)
{
    public IEnumerable<MarketplaceListing> Listings()
    {
        var children = items.Where(i => ParentSku(i) is not null).GroupBy(i => ParentSku(i)!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var item in items.Where(i => ParentSku(i) is null))
        {
            var sku = item.GetProperty("sku").GetString()!;
            var asin = Summary(item, "asin") ?? sku;
            var live = item.TryGetProperty("summaries", out var s) && s.GetArrayLength() > 0 && s[0].GetProperty("status").EnumerateArray().Any(x => x.GetString() == "BUYABLE");
            var theme = Attribute(item, "variation_theme", "name");
            if (theme is null || !children.TryGetValue(sku, out var kids))
            {
                yield return new MarketplaceListing(asin, sku, Summary(item, "itemName") ?? sku, AmazonListingPublisher.ListingUrl(api, marketplace, asin), live,
                    Price(item), Quantity(item), Attribute(item, "product_description", "value"), [], []);
                continue;
            }
            var names = theme.Split('/').Select(n => n.ToLowerInvariant()).ToList();
            var options = names.Select((n, i) => new ProductOption
            {
                Name = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(n.Replace('_', ' ')), Position = i,
                Values = kids.Select(k => Attribute(k, n, "value") ?? "").Distinct().ToList(),
            }).ToList();
            var variants = kids.Select(k => new MarketplaceListingVariant(k.GetProperty("sku").GetString(), names.Select(n => Attribute(k, n, "value") ?? "").ToList(), Price(k), Quantity(k))).ToList();
            var anyLive = kids.Any(k => k.TryGetProperty("summaries", out var ks) && ks.GetArrayLength() > 0 && ks[0].GetProperty("status").EnumerateArray().Any(x => x.GetString() == "BUYABLE"));
            yield return new MarketplaceListing(asin, sku, Summary(item, "itemName") ?? sku, AmazonListingPublisher.ListingUrl(api, marketplace, asin), anyLive,
                null, null, Attribute(item, "product_description", "value"), options, variants);
        }
    }

    private static string? ParentSku(JsonElement item) => Attribute(item, "child_parent_sku_relationship", "parent_sku");

    private static string? Attribute(JsonElement item, string name, string field) =>
        item.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
        && values.GetArrayLength() > 0 && values[0].TryGetProperty(field, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static string? Summary(JsonElement item, string field) =>
        item.TryGetProperty("summaries", out var summaries) && summaries.GetArrayLength() > 0 && summaries[0].TryGetProperty(field, out var value) ? value.GetString() : null;

    private static decimal? Price(JsonElement item) =>
        item.TryGetProperty("offers", out var offers) && offers.GetArrayLength() > 0
        && decimal.TryParse(offers[0].GetProperty("price").GetProperty("amount").GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null;

    private static int? Quantity(JsonElement item) =>
        item.TryGetProperty("fulfillmentAvailability", out var availability) && availability.GetArrayLength() > 0 && availability[0].TryGetProperty("quantity", out var q) ? q.GetInt32() : null;
}
