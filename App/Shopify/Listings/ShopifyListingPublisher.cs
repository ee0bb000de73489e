using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
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
