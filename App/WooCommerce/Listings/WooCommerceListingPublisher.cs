using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Products;
using Marketplaces.Products.Listings;

namespace Marketplaces.WooCommerce.Listings;

/// <summary>
/// A catalog product as a WooCommerce product (woocommerce.md §5): simple, or variable with one variation per variant
/// (attributes from the options, variations written in one batch call). Prices go as strings, stock is managed by
/// WooCommerce, images are downloaded by the store from <see cref="ListingDraft.ImageUrls"/> and named after the
/// catalog image, so that a later publish reuses the store's copy instead of downloading it again.
/// Found again by its stored id or, when the first answer was lost, by SKU: a retry updates, never duplicates.
/// </summary>
public sealed class WooCommerceListingPublisher(TimeProvider clock) : IListingPublisher
{
    private readonly WooCommerceRest _rest = new(clock);

    public string MarketplaceId => WooCommerceRest.MarketplaceId;

    public async Task<PublishedListing> PublishAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var product = draft.Product;
        var existing = await FindAsync(api, draft, ct);
        var storeImages = existing is { } found ? StoreImages(found) : [];
        var body = ProductBody(draft, storeImages);
        using var saved = existing is { } known
            ? await _rest.ReadJsonAsync(api, HttpMethod.Put, $"{Products(api)}/{Id(known)}", body, ct)
            : await _rest.ReadJsonAsync(api, HttpMethod.Post, Products(api), body, ct);
        var id = Id(saved.RootElement) ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, "WooCommerce answered without the product's id.");
        if (product.HasVariants) await SaveVariationsAsync(api, id, draft, StoreImages(saved.RootElement), ct);
        return new PublishedListing(id, Text(saved.RootElement, "permalink"));
    }

    /// <summary>The store's product by the id of an earlier publish (unless deleted there since), else by SKU.</summary>
    private async Task<JsonElement?> FindAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        if (draft.ExternalId is { } id)
        {
            using var response = await _rest.SendAsync(api, HttpMethod.Get, $"{Products(api)}/{Uri.EscapeDataString(id)}", null, ct);
            if (response.IsSuccessStatusCode)
            {
                using var json = await MarketplaceHttp.ReadJsonAsync(response, WooCommerceError.From, ct);
                return json.RootElement.Clone();
            }
            if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                using var error = await MarketplaceHttp.TryReadJsonAsync(response, ct);
                throw WooCommerceError.From(response, error);
            }
        }
        using var bySku = await _rest.ReadJsonAsync(api, HttpMethod.Get, $"{Products(api)}?sku={Uri.EscapeDataString(draft.Product.Sku)}", null, ct);
        return bySku.RootElement.ValueKind == JsonValueKind.Array && bySku.RootElement.GetArrayLength() > 0 ? bySku.RootElement[0].Clone() : null;
    }

    private static Dictionary<string, object?> ProductBody(ListingDraft draft, IReadOnlyDictionary<string, long> storeImages)
    {
        var product = draft.Product;
        var body = new Dictionary<string, object?>
        {
            ["name"] = product.Title,
            ["type"] = product.HasVariants ? "variable" : "simple",
            ["status"] = "publish",
            ["sku"] = product.Sku,
            ["description"] = product.Description,
            ["images"] = product.Images.Select(i => Image(draft, i, storeImages)).ToList(),
        };
        if (product.WeightGrams is { } grams) body["weight"] = Number(grams / 1000m);
        if (product.LengthCm is not null || product.WidthCm is not null || product.HeightCm is not null)
            body["dimensions"] = new { length = Number(product.LengthCm), width = Number(product.WidthCm), height = Number(product.HeightCm) };
        if (product.HasVariants)
        {
            body["attributes"] = product.Options.Select((o, i) => new { name = o.Name, position = i, visible = true, variation = true, options = o.Values }).ToList();
        }
        else
        {
            body["regular_price"] = Number(product.Price);
            body["manage_stock"] = true;
            body["stock_quantity"] = product.Quantity;
        }
        return body;
    }

    /// <summary>Variations matched to variants by SKU: updated, created or deleted in one batch call.</summary>
    private async Task SaveVariationsAsync(ConnectionApi api, string productId, ListingDraft draft, IReadOnlyDictionary<string, long> storeImages,
        CancellationToken ct)
    {
        var url = $"{Products(api)}/{productId}/variations";
        using var listed = await _rest.ReadJsonAsync(api, HttpMethod.Get, $"{url}?per_page=100", null, ct);
        var stored = listed.RootElement.ValueKind == JsonValueKind.Array
            ? listed.RootElement.EnumerateArray().Where(v => Text(v, "sku") is not null && Id(v) is not null)
                .ToDictionary(v => Text(v, "sku")!, v => Id(v)!, StringComparer.OrdinalIgnoreCase)
            : [];
        var product = draft.Product;
        var create = new List<object>();
        var update = new List<object>();
        foreach (var variant in product.Variants)
        {
            var body = new Dictionary<string, object?>
            {
                ["sku"] = variant.Sku,
                ["regular_price"] = Number(variant.Price),
                ["manage_stock"] = true,
                ["stock_quantity"] = variant.Quantity,
                ["attributes"] = product.Options.Select((o, i) => new { name = o.Name, option = variant.OptionValues[i] }).ToList(),
            };
            if (variant.ImageId is { } imageId && product.Images.FirstOrDefault(i => i.Id == imageId) is { } image) body["image"] = Image(draft, image, storeImages);
            if (stored.Remove(variant.Sku, out var id))
            {
                body["id"] = long.Parse(id, CultureInfo.InvariantCulture);
                update.Add(body);
            }
            else create.Add(body);
        }
        var delete = stored.Values.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();
        using var batch = await _rest.ReadJsonAsync(api, HttpMethod.Post, $"{url}/batch", new { create, update, delete }, ct);
        // A batch answers 200 with each item's own error inside it.
        var refused = new[] { "create", "update", "delete" }
            .SelectMany(part => batch.RootElement.TryGetProperty(part, out var items) && items.ValueKind == JsonValueKind.Array ? items.EnumerateArray() : [])
            .Where(item => item.TryGetProperty("error", out _))
            .Select(item => $"{Text(item.GetProperty("error"), "code")} ({Text(item.GetProperty("error"), "message")})").ToList();
        if (refused.Count > 0)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"WooCommerce refused variations: {string.Join("; ", refused.Distinct())}");
    }

    /// <summary>The store's copy when it has one (named after the catalog image), else the address it downloads from.</summary>
    private static object Image(ListingDraft draft, ProductImage image, IReadOnlyDictionary<string, long> storeImages) =>
        storeImages.TryGetValue(image.Id.ToString("N"), out var id) ? new { id } : new { src = draft.ImageUrls[image.Id], name = image.Id.ToString("N") };

    private static Dictionary<string, long> StoreImages(JsonElement product) =>
        product.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array
            ? images.EnumerateArray().Where(i => Text(i, "name") is not null && i.TryGetProperty("id", out var n) && n.ValueKind == JsonValueKind.Number)
                .GroupBy(i => Text(i, "name")!).ToDictionary(g => g.Key, g => g.First().GetProperty("id").GetInt64())
            : [];

    private static string Products(ConnectionApi api) => $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/products";

    private static string? Number(decimal? value) => value?.ToString(value % 1 == 0 ? "0" : "0.00##", CultureInfo.InvariantCulture);

    private static string? Id(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
