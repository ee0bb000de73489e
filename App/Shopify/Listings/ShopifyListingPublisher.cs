using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Inventory;
using Microsoft.Extensions.Caching.Memory;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Marketplaces.RateLimits;

namespace Marketplaces.Shopify.Listings;

/// <summary>
/// A catalog product as one Shopify product written whole by <c>productSet</c> (fact sheet §5.2): options and variants
/// (a product without options gets Shopify's "Title / Default Title"), prices as decimal strings, SKUs on the variants,
/// tracked inventory set at the shop's first location, the images as files Shopify downloads from their public
/// addresses. Found again by its stored id, else by SKU (<c>products(query: "sku:…")</c>), else created under a handle
/// made from the SKU, so that even a retry whose search missed the first attempt updates it (productSet upserts by handle).
/// </summary>
public sealed class ShopifyListingPublisher(RateLimiter limiter, IMemoryCache cache) : IListingPublisher
{
    /// <summary>A shop's stock location is read once in this long, not before every publish (a third of a publish's points).</summary>
    private static readonly TimeSpan LocationFor = TimeSpan.FromMinutes(15);

    public const string ProductUrlName = "product";

    public const string Set = """
        mutation PublishProduct($input: ProductSetInput!, $identifier: ProductSetIdentifiers) {
          productSet(input: $input, identifier: $identifier, synchronous: true) {
            product { id legacyResourceId }
            userErrors { field message code }
          }
        }
        """;

    public const string End = """
        mutation EndProduct($product: ProductUpdateInput!) {
          productUpdate(product: $product) { product { id status } userErrors { field message } }
        }
        """;

    public const string FindBySku = """
        query FindBySku($query: String!) { products(first: 1, query: $query) { nodes { id } } }
        """;

    public const string Locations = "query Locations { locations(first: 1) { nodes { id } } }";

    public const string Page = """
        query Products($after: String) {
          products(first: 4, after: $after) {
            nodes {
              id legacyResourceId title handle status descriptionHtml
              options { name optionValues { name } }
              variants(first: 100) { nodes { sku price inventoryQuantity selectedOptions { name value } } }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public string MarketplaceId => "shopify";

    public async Task<PublishedListing> PublishAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var product = draft.Product;
        var location = await LocationAsync(api, ct);
        var id = draft.ExternalId is { } known ? ShopifyGid.Of("Product", known) : await FindAsync(api, product.Sku, ct);
        object identifier = id is not null ? new { id } : new { handle = HandleOf(product.Sku) };
        var data = await ShopifyAdminGraphQl.QueryAsync(api, limiter, Set, new { input = Input(draft, location), identifier }, ct);
        var payload = data.GetProperty("productSet");
        ThrowOnUserErrors(payload);
        var legacyId = payload.GetProperty("product").GetProperty("legacyResourceId").GetString()!;
        return new PublishedListing(legacyId, ProductUrl(api, legacyId));
    }

    public const string StatusSetting = "status";

    /// <summary>Whether products go out active (on the shop's sales channels) or as drafts.</summary>
    public Task<IReadOnlyList<ChannelSetting>> SettingsAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ChannelSetting>>(
            [new ChannelSetting(StatusSetting, "Publish as", [new ChannelChoice("ACTIVE", "Active"), new ChannelChoice("DRAFT", "Draft")], "ACTIVE")]);

    /// <summary>Back to draft: off every sales channel, kept in the admin with its variants.</summary>
    public async Task EndAsync(ConnectionApi api, ListingEnd listing, CancellationToken ct)
    {
        var externalId = listing.ExternalId;
        var data = await ShopifyAdminGraphQl.QueryAsync(api, limiter, End, new { product = new { id = ShopifyGid.Of("Product", externalId), status = "DRAFT" } }, ct);
        var payload = data.GetProperty("productUpdate");
        // A product deleted in the admin since: nothing left to end.
        if (payload.GetProperty("product").ValueKind == JsonValueKind.Null && Errors(payload).All(e => e.Contains("does not exist", StringComparison.OrdinalIgnoreCase))) return;
        ThrowOnUserErrors(payload);
    }

    public async IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, IReadOnlyDictionary<string, string> settings, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var products = (await ShopifyAdminGraphQl.QueryAsync(api, limiter, Page, new { after }, ct)).GetProperty("products");
            foreach (var node in products.GetProperty("nodes").EnumerateArray()) yield return Listing(api, node);
            var page = products.GetProperty("pageInfo");
            if (!page.GetProperty("hasNextPage").GetBoolean()) yield break;
            after = page.GetProperty("endCursor").GetString();
        }
    }

    public string OutOfStock => "At 0 Shopify shows the product as sold out (unless the variant keeps selling when out of stock); it stays active.";

    public const string InventoryItems = """
        query InventoryItems($id: ID!) { product(id: $id) { variants(first: 100) { nodes { sku inventoryItem { id } } } } }
        """;

    /// <summary>
    /// inventorySetQuantities (shopify.md §5.4) for every changed SKU of the listings at the shop's location, 250 a
    /// call, each with <c>changeFromQuantity</c> as this app last set it (null when it never did), so a quantity changed
    /// in the admin meanwhile is refused rather than overwritten blind; a fresh <c>@idempotent</c> key per call. A call
    /// is all or nothing: the quantities Shopify refused are taken out and the others sent again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SetStockAsync(ConnectionApi api, IReadOnlyList<ListingStock> listings, CancellationToken ct)
    {
        var location = await LocationAsync(api, ct);
        var problems = new Dictionary<string, string>();
        var wanted = new List<(string Listing, object Quantity)>();
        foreach (var listing in listings)
        {
            var items = await InventoryItemsAsync(api, listing.ExternalId, ct);
            foreach (var (sku, quantity) in listing.Changed)
            {
                if (!items.TryGetValue(sku, out var item))
                {
                    problems[listing.ExternalId] = $"Shopify has no variant with the SKU {sku}: publish the product again.";
                    continue;
                }
                int? changeFromQuantity = listing.Known.TryGetValue(sku, out var shown) ? shown : null;
                wanted.Add((listing.ExternalId, new { inventoryItemId = item, locationId = location, quantity, changeFromQuantity }));
            }
        }
        foreach (var chunk in wanted.Where(w => !problems.ContainsKey(w.Listing)).Chunk(MaxQuantities))
        {
            var sending = chunk.ToList();
            while (sending.Count > 0)
            {
                var mutation = $$"""
                    mutation SetStock($input: InventorySetQuantitiesInput!) {
                      inventorySetQuantities(input: $input) @idempotent(key: "{{Guid.NewGuid()}}") { userErrors { field message code } }
                    }
                    """;
                var input = new { name = "available", reason = "correction", quantities = sending.Select(s => s.Quantity).ToList() };
                var payload = (await ShopifyAdminGraphQl.QueryAsync(api, limiter, mutation, new { input }, ct)).GetProperty("inventorySetQuantities");
                var refused = payload.GetProperty("userErrors").EnumerateArray().Select(e => (Index: QuantityIndex(e), Message: StockError(e), Code: JsonText.Of(e, "code"))).ToList();
                if (refused.Count == 0) break;
                if (refused.Any(r => r.Index is null)) throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Shopify refused the stock: {refused[0].Message}");
                foreach (var (index, message, code) in refused)
                {
                    problems[sending[index!.Value].Listing] = message;
                    // A product set again may have new variants: their items are read again on the next try.
                    if (code == "INVALID_INVENTORY_ITEM") cache.Remove(ItemsKey(api, sending[index.Value].Listing));
                }
                sending = sending.Where(s => !problems.ContainsKey(s.Listing)).ToList();
            }
        }
        return problems;
    }

    private const int MaxQuantities = 250;

    /// <summary>Each variant's inventory item id by SKU, read once per product and kept (they never change).</summary>
    private async Task<IReadOnlyDictionary<string, string>> InventoryItemsAsync(ConnectionApi api, string productId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(ItemsKey(api, productId), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(6);
            var product = (await ShopifyAdminGraphQl.QueryAsync(api, limiter, InventoryItems, new { id = ShopifyGid.Of("Product", productId) }, ct)).GetProperty("product");
            return product.ValueKind == JsonValueKind.Null
                ? new Dictionary<string, string>()
                : product.GetProperty("variants").GetProperty("nodes").EnumerateArray().Where(v => JsonText.Of(v, "sku") is { Length: > 0 })
                    .ToDictionary(v => JsonText.Of(v, "sku")!, v => v.GetProperty("inventoryItem").GetProperty("id").GetString()!);
        }))!;

    private static (string, Guid, string) ItemsKey(ConnectionApi api, string productId) => ("shopify-items", api.Connection.Id, productId);

    /// <summary>The quantity a user error is about, from its field path (input, quantities, index, …).</summary>
    private static int? QuantityIndex(JsonElement error) =>
        error.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.Array && field.GetArrayLength() >= 3
        && int.TryParse(field[2].ToString(), out var index) ? index : null;

    private static string StockError(JsonElement error) => JsonText.Of(error, "code") == "CHANGE_FROM_QUANTITY_STALE"
        ? "Shopify's quantity changed since this app set it (a sale not read yet, or an edit in the Shopify admin): not written over; tried again after the next orders sync."
        : $"Shopify refused the stock: {JsonText.Of(error, "message")}";

    /// <summary>A handle Shopify accepts, unique per SKU: lower-case letters, digits and hyphens.</summary>
    public static string HandleOf(string sku) =>
        "sku-" + string.Join('-', new string(sku.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Split('-', StringSplitOptions.RemoveEmptyEntries));

    private static object Input(ListingDraft draft, string location)
    {
        var product = draft.Product;
        var options = product.HasVariants
            ? product.Options.Select(o => new { name = o.Name, values = o.Values.Select(v => new { name = v }).ToList() }).ToList()
            : [new { name = "Title", values = new[] { new { name = "Default Title" } }.ToList() }];
        var variants = product.HasVariants
            ? product.Variants.Select(v => Variant(v.Sku, v.Price, v.Quantity, product.Options.Select((o, i) => (o.Name, v.OptionValues[i])), location)).ToList()
            : [Variant(product.Sku, product.Price, product.Quantity, [("Title", "Default Title")], location)];
        return new
        {
            title = product.Title,
            descriptionHtml = product.Description,
            vendor = product.Brand ?? "",
            status = draft.Setting(StatusSetting, "ACTIVE"),
            productOptions = options,
            variants,
            files = product.Images.Select(i => new { originalSource = draft.ImageUrls[i.Id], contentType = "IMAGE", alt = product.Title }).ToList(),
        };
    }

    private static object Variant(string sku, decimal price, int quantity, IEnumerable<(string Name, string Value)> values, string location) => new
    {
        optionValues = values.Select(v => new { optionName = v.Name, name = v.Value }).ToList(),
        price = price.ToString("0.00", CultureInfo.InvariantCulture),
        sku,
        inventoryItem = new { tracked = true },
        inventoryQuantities = new[] { new { locationId = location, name = "available", quantity } },
    };

    private async Task<string> LocationAsync(ConnectionApi api, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("shopify-location", api.Connection.Id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = LocationFor;
            var nodes = (await ShopifyAdminGraphQl.QueryAsync(api, limiter, Locations, new { }, ct)).GetProperty("locations").GetProperty("nodes");
            return nodes.GetArrayLength() > 0 ? nodes[0].GetProperty("id").GetString()!
                : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "The Shopify shop has no location to hold stock.");
        }))!;

    private async Task<string?> FindAsync(ConnectionApi api, string sku, CancellationToken ct)
    {
        var nodes = (await ShopifyAdminGraphQl.QueryAsync(api, limiter, FindBySku, new { query = $"sku:\"{sku}\"" }, ct)).GetProperty("products").GetProperty("nodes");
        return nodes.GetArrayLength() > 0 ? nodes[0].GetProperty("id").GetString() : null;
    }

    private static MarketplaceListing Listing(ConnectionApi api, JsonElement node)
    {
        var legacyId = node.GetProperty("legacyResourceId").GetString()!;
        var options = node.GetProperty("options").EnumerateArray()
            .Select((o, i) => new ProductOption { Name = o.GetProperty("name").GetString()!, Position = i, Values = o.GetProperty("optionValues").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList() })
            .ToList();
        var variants = node.GetProperty("variants").GetProperty("nodes").EnumerateArray().Select(v => new MarketplaceListingVariant(
            v.GetProperty("sku").GetString() is { Length: > 0 } s ? s : null,
            v.GetProperty("selectedOptions").EnumerateArray().Select(o => o.GetProperty("value").GetString()!).ToList(),
            decimal.TryParse(v.GetProperty("price").GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null,
            v.GetProperty("inventoryQuantity").ValueKind == JsonValueKind.Number ? v.GetProperty("inventoryQuantity").GetInt32() : null)).ToList();
        // A product without options is one default variant: the listing's SKU, price and stock are that variant's.
        var single = options is [{ Name: "Title", Values: ["Default Title"] }];
        return single
            ? new MarketplaceListing(legacyId, variants.FirstOrDefault()?.Sku, node.GetProperty("title").GetString()!, ProductUrl(api, legacyId),
                node.GetProperty("status").GetString() == "ACTIVE", variants.FirstOrDefault()?.Price, variants.FirstOrDefault()?.Quantity,
                node.GetProperty("descriptionHtml").GetString(), [], [])
            : new MarketplaceListing(legacyId, MarketplaceListing.SharedSku(variants), node.GetProperty("title").GetString()!, ProductUrl(api, legacyId),
                node.GetProperty("status").GetString() == "ACTIVE", null, null, node.GetProperty("descriptionHtml").GetString(), options, variants);
    }

    private static string? ProductUrl(ConnectionApi api, string legacyId) =>
        api.Target.Endpoints.Urls.TryGetValue(ProductUrlName, out var template) ? template.Replace("{productId}", legacyId, StringComparison.Ordinal) : null;

    private static IEnumerable<string> Errors(JsonElement payload) =>
        payload.GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("message").GetString() ?? "");

    private static void ThrowOnUserErrors(JsonElement payload)
    {
        var errors = payload.GetProperty("userErrors").EnumerateArray()
            .Select(e => (Field: e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.Array ? string.Join('.', f.EnumerateArray().Select(x => x.ToString())) : null,
                Message: e.GetProperty("message").GetString())).ToList();
        if (errors.Count > 0)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected,
                "Shopify refused the product: " + string.Join("; ", errors.Select(e => e.Field is null ? e.Message : $"{e.Message} ({e.Field})")));
    }
}
