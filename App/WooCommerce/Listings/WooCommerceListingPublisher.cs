using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Inventory;
using Marketplaces.Products.Listings;
using Marketplaces.Products;
using static Marketplaces.WooCommerce.WooCommerceJson;

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
        return new PublishedListing(id, JsonText.Of(saved.RootElement, "permalink"));
    }

    public const string CategorySetting = "category";
    public const string StatusSetting = "status";

    /// <summary>The store's product categories (woocommerce.md §5 <c>categories</c>) and whether products go out published or as drafts.</summary>
    public async Task<IReadOnlyList<ChannelSetting>> SettingsAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct)
    {
        using var json = await _rest.ReadJsonAsync(api, HttpMethod.Get, $"{Products(api)}/categories?per_page=100", null, ct);
        var categories = json.RootElement.ValueKind == JsonValueKind.Array
            ? json.RootElement.EnumerateArray().Where(c => Id(c) is not null).Select(c => new ChannelChoice(Id(c)!, JsonText.Of(c, "name") ?? Id(c)!)).ToList()
            : [];
        return
        [
            new ChannelSetting(CategorySetting, "Category", [new ChannelChoice("", "The store's default"), .. categories], ""),
            new ChannelSetting(StatusSetting, "Publish as", [new ChannelChoice("publish", "Published"), new ChannelChoice("draft", "Draft")], "publish"),
        ];
    }

    /// <summary>Back to draft (woocommerce.md §5 <c>status</c>): off the shop, kept with its variations for a later publish.</summary>
    public async Task EndAsync(ConnectionApi api, ListingEnd listing, CancellationToken ct)
    {
        var externalId = listing.ExternalId;
        using var response = await _rest.SendAsync(api, HttpMethod.Put, $"{Products(api)}/{Uri.EscapeDataString(externalId)}", new { status = "draft" }, ct);
        if (response.IsSuccessStatusCode) return;
        using var error = await MarketplaceHttp.TryReadJsonAsync(response, ct);
        var failure = WooCommerceError.From(response, error);
        // Deleted at the store since: nothing left to end.
        if (failure.ErrorCode != "woocommerce_rest_product_invalid_id") throw failure;
    }

    /// <summary>Every product of the store, 100 a page, each variable one with its variations (woocommerce.md §4, §5).</summary>
    public async IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, IReadOnlyDictionary<string, string> settings, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            using var response = await _rest.SendAsync(api, HttpMethod.Get, $"{Products(api)}?per_page=100&page={page}&orderby=id&order=asc", null, ct);
            using var json = await MarketplaceHttp.ReadJsonAsync(response, WooCommerceError.From, ct);
            var products = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().Select(p => p.Clone()).ToList() : [];
            foreach (var product in products.Where(p => Id(p) is not null && JsonText.Of(p, "status") != "trash")) yield return await ListingAsync(api, product, ct);
            var pages = response.Headers.TryGetValues("X-WP-TotalPages", out var values) && int.TryParse(values.FirstOrDefault(), out var n) ? n : page;
            if (products.Count == 0 || page >= pages) yield break;
        }
    }

    private async Task<MarketplaceListing> ListingAsync(ConnectionApi api, JsonElement product, CancellationToken ct)
    {
        var id = Id(product)!;
        var options = product.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Array
            ? attributes.EnumerateArray().Where(a => a.TryGetProperty("variation", out var v) && v.ValueKind == JsonValueKind.True)
                .Select((a, i) => new ProductOption { Name = JsonText.Of(a, "name") ?? "", Position = i, Values = Strings(a, "options") }).ToList()
            : [];
        var variants = new List<MarketplaceListingVariant>();
        if (JsonText.Of(product, "type") == "variable")
        {
            using var listed = await _rest.ReadJsonAsync(api, HttpMethod.Get, $"{Products(api)}/{id}/variations?per_page=100", null, ct);
            variants = listed.RootElement.ValueKind == JsonValueKind.Array
                ? listed.RootElement.EnumerateArray().Select(v => new MarketplaceListingVariant(Blank(JsonText.Of(v, "sku")),
                    options.Select(o => v.TryGetProperty("attributes", out var a) && a.ValueKind == JsonValueKind.Array
                        ? a.EnumerateArray().FirstOrDefault(x => string.Equals(JsonText.Of(x, "name"), o.Name, StringComparison.OrdinalIgnoreCase)) is { ValueKind: JsonValueKind.Object } match ? JsonText.Of(match, "option") ?? "" : ""
                        : "").ToList(),
                    Price(v), Quantity(v))).ToList()
                : [];
        }
        return new MarketplaceListing(id, Blank(JsonText.Of(product, "sku")), JsonText.Of(product, "name") ?? "", JsonText.Of(product, "permalink"), JsonText.Of(product, "status") == "publish",
            Price(product), Quantity(product), JsonText.Of(product, "description"), options, variants);
    }

    private static decimal? Price(JsonElement element) =>
        decimal.TryParse(JsonText.Of(element, "regular_price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null;

    private static int? Quantity(JsonElement element) =>
        element.TryGetProperty("stock_quantity", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt32(out var n) ? n : null;

    private static List<string> Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

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
            ["status"] = draft.Setting(StatusSetting, "publish"),
            ["sku"] = product.Sku,
            ["description"] = product.Description,
            ["images"] = product.Images.Select(i => Image(draft, i, storeImages)).ToList(),
        };
        if (draft.Setting(CategorySetting, "") is { Length: > 0 } category && long.TryParse(category, out var categoryId))
            body["categories"] = new[] { new { id = categoryId } };
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
            ? listed.RootElement.EnumerateArray().Where(v => JsonText.Of(v, "sku") is not null && Id(v) is not null)
                .ToDictionary(v => JsonText.Of(v, "sku")!, v => Id(v)!, StringComparer.OrdinalIgnoreCase)
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
            .Select(item => $"{JsonText.Of(item.GetProperty("error"), "code")} ({JsonText.Of(item.GetProperty("error"), "message")})").ToList();
        if (refused.Count > 0)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"WooCommerce refused variations: {string.Join("; ", refused.Distinct())}");
    }

    public string OutOfStock => "At 0 WooCommerce shows the product as out of stock; it stays published.";

    /// <summary>
    /// Simple products' <c>stock_quantity</c> through the products batch route, 100 a call; a variable product's
    /// variations through its variations batch route, after reading their ids (woocommerce.md §5).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SetStockAsync(ConnectionApi api, IReadOnlyList<ListingStock> listings, CancellationToken ct)
    {
        var problems = new Dictionary<string, string>();
        foreach (var chunk in listings.Where(l => l.Simple).Chunk(MaxBatch))
        {
            var update = chunk.Select(l => new { id = long.Parse(l.ExternalId, CultureInfo.InvariantCulture), manage_stock = true, stock_quantity = l.Quantities[l.Sku] });
            using var batch = await _rest.ReadJsonAsync(api, HttpMethod.Post, $"{Products(api)}/batch", new { update }, ct);
            foreach (var (id, problem) in BatchErrors(batch.RootElement)) problems[id] = problem;
        }
        foreach (var listing in listings.Where(l => !l.Simple))
        {
            var url = $"{Products(api)}/{Uri.EscapeDataString(listing.ExternalId)}/variations";
            using var listed = await _rest.ReadJsonAsync(api, HttpMethod.Get, $"{url}?per_page=100", null, ct);
            var ids = listed.RootElement.ValueKind == JsonValueKind.Array
                ? listed.RootElement.EnumerateArray().Where(v => JsonText.Of(v, "sku") is not null && Id(v) is not null)
                    .ToDictionary(v => JsonText.Of(v, "sku")!, v => long.Parse(Id(v)!, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase)
                : [];
            var missing = listing.Quantities.Keys.Where(sku => !ids.ContainsKey(sku)).ToList();
            var update = listing.Quantities.Where(q => ids.ContainsKey(q.Key)).Select(q => new { id = ids[q.Key], manage_stock = true, stock_quantity = q.Value }).ToList();
            using var batch = await _rest.ReadJsonAsync(api, HttpMethod.Post, $"{url}/batch", new { update }, ct);
            var refused = BatchErrors(batch.RootElement).Select(e => e.Problem).ToList();
            if (missing.Count > 0) refused.Add($"No variation with the SKU {string.Join(", ", missing)}: publish the product again.");
            if (refused.Count > 0) problems[listing.ExternalId] = string.Join("; ", refused);
        }
        return problems;
    }

    private const int MaxBatch = 100;

    /// <summary>A batch answers 200 with each refused item's own error in its place.</summary>
    private static IEnumerable<(string Id, string Problem)> BatchErrors(JsonElement batch) =>
        batch.TryGetProperty("update", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(item => item.TryGetProperty("error", out _))
                .Select(item => (Id(item) ?? "", $"{JsonText.Of(item.GetProperty("error"), "code")} ({JsonText.Of(item.GetProperty("error"), "message")})"))
            : [];

    /// <summary>The store's copy when it has one (named after the catalog image), else the address it downloads from.</summary>
    private static object Image(ListingDraft draft, ProductImage image, IReadOnlyDictionary<string, long> storeImages) =>
        storeImages.TryGetValue(image.Id.ToString("N"), out var id) ? new { id } : new { src = draft.ImageUrls[image.Id], name = image.Id.ToString("N") };

    private static Dictionary<string, long> StoreImages(JsonElement product) =>
        product.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array
            ? images.EnumerateArray().Where(i => JsonText.Of(i, "name") is not null && i.TryGetProperty("id", out var n) && n.ValueKind == JsonValueKind.Number)
                .GroupBy(i => JsonText.Of(i, "name")!).ToDictionary(g => g.Key, g => g.First().GetProperty("id").GetInt64())
            : [];

    private static string Products(ConnectionApi api) => $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}/products";

    private static string? Number(decimal? value) => value?.ToString(value % 1 == 0 ? "0" : "0.00##", CultureInfo.InvariantCulture);
}
