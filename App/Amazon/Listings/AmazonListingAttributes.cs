using System.Globalization;
using Marketplaces.Products;
using Marketplaces.Products.Listings;

namespace Marketplaces.Amazon.Listings;

/// <summary>
/// A catalog product (or one variant) as Listings Items attributes (amazon.md: arrays of objects carrying
/// <c>marketplace_id</c>, text with <c>language_tag</c>; price via purchasable_offer, stock via fulfillment_availability).
/// A parent carries the product's text and pictures and its variation theme (its option names); a child its offer,
/// stock, link to the parent and its option values under the options' names. Only attributes the product type's
/// schema defines are sent; the seller's values for required attributes the catalog has no field for come from the
/// channel settings.
/// </summary>
internal sealed class AmazonListingAttributes(ListingDraft draft, AmazonSchema schema, string marketplaceId, string languageTag)
{
    public Dictionary<string, object> Simple() => Filter(Item().Concat(Offer(draft.Product.Price, draft.Product.Quantity, draft.Product.Gtin)));

    public Dictionary<string, object> Parent() => Filter(Item().Concat(
    [
        new("parentage_level", new[] { new { value = "parent", marketplace_id = marketplaceId } }),
        new("variation_theme", new[] { new { name = string.Join('/', draft.Product.Options.Select(o => AttributeName(o.Name).ToUpperInvariant())), marketplace_id = marketplaceId } }),
    ]));

    public Dictionary<string, object> Child(ProductVariant variant)
    {
        var product = draft.Product;
        var attributes = Item().Concat(Offer(variant.Price, variant.Quantity, variant.Gtin ?? product.Gtin)).Concat(
        [
            new("parentage_level", new[] { new { value = "child", marketplace_id = marketplaceId } }),
            new("child_parent_sku_relationship", new[] { new { child_relationship_type = "variation", parent_sku = product.Sku, marketplace_id = marketplaceId } }),
        ]).Concat(product.Options.Select((o, i) => new KeyValuePair<string, object>(AttributeName(o.Name), Text(variant.OptionValues[i]))));
        return Filter(attributes);
    }

    /// <summary>The attribute an option goes in: its name in Amazon's spelling ("Size" → size, "Pattern name" → pattern_name).</summary>
    public static string AttributeName(string option) => string.Join('_', option.ToLowerInvariant().Split(' ', '-')).Trim('_');

    private IEnumerable<KeyValuePair<string, object>> Item()
    {
        var product = draft.Product;
        var description = ProductDescription.PlainText(product.Description);
        yield return new("item_name", Text(product.Title));
        yield return new("brand", Text(product.Brand ?? "Generic"));
        yield return new("manufacturer", Text(product.Brand ?? "Generic"));
        yield return new("product_description", Text(description.Length > 0 ? description : product.Title));
        yield return new("condition_type", new[] { new { value = Condition(product.Condition), marketplace_id = marketplaceId } });
        if (product.Mpn is { Length: > 0 } mpn) yield return new("part_number", new[] { new { value = mpn, marketplace_id = marketplaceId } });
        if (product.WeightGrams is { } grams)
            yield return new("item_package_weight", new[] { new { value = grams / 1000m, unit = "kilograms", marketplace_id = marketplaceId } });
        var images = product.Images.OrderBy(i => i.Position).Select(i => draft.ImageUrls[i.Id]).ToList();
        for (var i = 0; i < images.Count && i < 9; i++)
            yield return new(i == 0 ? "main_product_image_locator" : $"other_product_image_locator_{i}", new[] { new { media_location = images[i], marketplace_id = marketplaceId } });
        foreach (var (key, value) in draft.Settings.Where(s => s.Key.StartsWith(AmazonChannelSettings.AttributePrefix, StringComparison.Ordinal) && s.Value.Length > 0))
            yield return new(key[AmazonChannelSettings.AttributePrefix.Length..], Text(value));
    }

    private IEnumerable<KeyValuePair<string, object>> Offer(decimal price, int quantity, string? gtin)
    {
        yield return new("purchasable_offer", new[]
        {
            new { currency = draft.Product.Currency, our_price = new[] { new { schedule = new[] { new { value_with_tax = price } } } }, marketplace_id = marketplaceId },
        });
        yield return new("fulfillment_availability", new[] { new { fulfillment_channel_code = "DEFAULT", quantity } });
        if (gtin is { Length: >= 12 })
            yield return new("externally_assigned_product_identifier", new[] { new { type = gtin.Length == 12 ? "upc" : "ean", value = gtin, marketplace_id = marketplaceId } });
        else
            yield return new("supplier_declared_has_product_identifier_exemption", new[] { new { value = true, marketplace_id = marketplaceId } });
    }

    private object Text(string value) => new[] { new { value, language_tag = languageTag, marketplace_id = marketplaceId } };

    private Dictionary<string, object> Filter(IEnumerable<KeyValuePair<string, object>> attributes)
    {
        var kept = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes.Where(a => schema.Attributes.Contains(a.Key))) kept.TryAdd(name, value);
        return kept;
    }

    /// <summary>Amazon's condition_type values for the catalog's conditions.</summary>
    private static string Condition(ProductCondition condition) => condition switch
    {
        ProductCondition.New or ProductCondition.NewOther => "new_new",
        ProductCondition.Refurbished => "refurbished_refurbished",
        ProductCondition.UsedLikeNew => "used_like_new",
        ProductCondition.UsedGood => "used_good",
        ProductCondition.UsedAcceptable => "used_acceptable",
        _ => "collectible_acceptable",
    };
}
