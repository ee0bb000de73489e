using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Inventory;
using Marketplaces.Products.Listings;
using Marketplaces.Products;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Etsy.Listings;

/// <summary>
/// A catalog product as an Etsy listing (etsy.md "Publish a product"): a draft listing (form-encoded), its images
/// uploaded as files (multipart), the whole inventory (JSON, a product per variant on Etsy's two custom variation
/// properties), then activation. A revision updates the listing's fields and inventory, re-uploads only the images
/// whose rank now holds another picture, and drops the extras. Etsy cannot be asked for a listing by SKU: after an
/// attempt that kept no id (<see cref="ListingDraft.MayExist"/>) the shop's newest drafts, active and inactive
/// listings are searched for the SKU before a new one is created.
/// </summary>
public sealed class EtsyListingPublisher(ProductImages images, IMemoryCache cache) : IListingPublisher
{
    /// <summary>Etsy's ids for a seller's own variation names ("custom properties"); not in the sheet, from memory of Etsy's docs.</summary>
    private static readonly long[] CustomProperties = [513, 514];

    private readonly EtsyChannelSettings _settings = new(cache);

    public string MarketplaceId => "etsy";

    public async Task<PublishedListing> PublishAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var product = draft.Product;
        if (product.Options.Count > CustomProperties.Length)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"An Etsy listing varies by at most two options; {product.Sku} has {product.Options.Count}.");
        var terms = await _settings.TermsAsync(api, draft, ct);
        using var found = await FindAsync(api, draft, ct);
        JsonElement listing;
        using var saved = found is null
            ? await FormAsync(api, HttpMethod.Post, "/listings", Fields(draft, terms, creating: true), ct)
            : await FormAsync(api, HttpMethod.Patch, $"/listings/{Id(found.RootElement)}", Fields(draft, terms, creating: false), ct);
        listing = saved.RootElement;
        var id = Id(listing);
        await SyncImagesAsync(api, id, product, found?.RootElement, ct);
        using (await SendJsonAsync(api, HttpMethod.Put, $"/v3/application/listings/{id}/inventory", Inventory(product, terms), ct)) { }
        if (terms.Activate && JsonText.Of(listing, "state") != "active")
        {
            using var active = await FormAsync(api, HttpMethod.Patch, $"/listings/{id}", new Dictionary<string, string> { ["state"] = "active" }, ct);
        }
        return new PublishedListing(id, JsonText.Of(listing, "url"));
    }

    public Task<IReadOnlyList<ChannelSetting>> SettingsAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct) =>
        _settings.OfferedAsync(api, ct);

    /// <summary>Inactive (etsy.md: <c>state</c> takes active or inactive): off the shop, kept for a later publish; a listing gone counts as ended.</summary>
    public async Task EndAsync(ConnectionApi api, ListingEnd listing, CancellationToken ct)
    {
        var externalId = listing.ExternalId;
        using var response = await api.SendAsync(token => Form(EtsyApi.ShopRequest(HttpMethod.Patch, api, token, $"/listings/{Uri.EscapeDataString(externalId)}"),
            new Dictionary<string, string> { ["state"] = "inactive" }), ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        using var _ = await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
    }

    /// <summary>The shop's active, inactive and draft listings, 100 a page, each with its inventory.</summary>
    public async IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, IReadOnlyDictionary<string, string> settings, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var state in new[] { "active", "inactive", "draft" })
        {
            for (var offset = 0; ; offset += 100)
            {
                using var page = await GetAsync(api, EtsyApi.ShopRequest, $"/listings?state={state}&limit=100&offset={offset}&includes=Inventory", ct);
                var results = page.RootElement.GetProperty("results").EnumerateArray().Select(r => r.Clone()).ToList();
                foreach (var listing in results) yield return Read(listing);
                if (results.Count < 100) break;
            }
        }
    }

    private static MarketplaceListing Read(JsonElement listing)
    {
        var products = listing.TryGetProperty("inventory", out var inventory) ? inventory.GetProperty("products").EnumerateArray().ToList() : [];
        var options = products.SelectMany(p => p.GetProperty("property_values").EnumerateArray())
            .GroupBy(v => v.GetProperty("property_id").GetInt64())
            .Select((g, i) => new ProductOption
            {
                Name = g.Select(v => JsonText.Of(v, "property_name")).FirstOrDefault(n => n is not null) ?? $"Option {i + 1}", Position = i,
                Values = g.SelectMany(v => v.GetProperty("values").EnumerateArray().Select(x => x.GetString() ?? "")).Distinct().ToList(),
            }).ToList();
        var variants = options.Count == 0 ? [] : products.Select(p => new MarketplaceListingVariant(Blank(JsonText.Of(p, "sku")),
            p.GetProperty("property_values").EnumerateArray().Select(v => v.GetProperty("values")[0].GetString() ?? "").ToList(),
            Price(p), Quantity(p))).ToList();
        var sku = options.Count == 0 ? products.Select(p => Blank(JsonText.Of(p, "sku"))).FirstOrDefault() : MarketplaceListing.SharedSku(variants);
        return new MarketplaceListing(Id(listing), sku, JsonText.Of(listing, "title") ?? "", JsonText.Of(listing, "url"), JsonText.Of(listing, "state") == "active",
            options.Count == 0 && products.Count > 0 ? Price(products[0]) : null, options.Count == 0 && products.Count > 0 ? Quantity(products[0]) : null,
            JsonText.Of(listing, "description"), options, variants);
    }

    /// <summary>The listing by its id (unless deleted at Etsy since), or after a lost answer by SKU among the shop's newest.</summary>
    private async Task<JsonDocument?> FindAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        if (draft.ExternalId is { } id)
        {
            using var response = await api.SendAsync(token => EtsyApi.Request(HttpMethod.Get, api.Target, token, $"/v3/application/listings/{Uri.EscapeDataString(id)}?includes=Images&includes=Inventory"), ct);
            if (response.StatusCode != HttpStatusCode.NotFound) return await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
        }
        if (!draft.MayExist && draft.ExternalId is null) return null;
        var skus = draft.Product.Variants.Select(v => v.Sku).Append(draft.Product.Sku).ToHashSet(StringComparer.Ordinal);
        foreach (var state in new[] { "draft", "active", "inactive" })
        {
            var page = await GetAsync(api, EtsyApi.ShopRequest, $"/listings?state={state}&limit=100&sort_on=created&sort_order=desc&includes=Images&includes=Inventory", ct);
            var match = page.RootElement.GetProperty("results").EnumerateArray()
                .FirstOrDefault(l => l.TryGetProperty("inventory", out var inventory) && inventory.GetProperty("products").EnumerateArray().Any(p => skus.Contains(JsonText.Of(p, "sku") ?? "")));
            if (match.ValueKind == JsonValueKind.Object)
            {
                var found = JsonDocument.Parse(match.GetRawText());
                page.Dispose();
                return found;
            }
            page.Dispose();
        }
        return null;
    }

    private static Dictionary<string, string> Fields(ListingDraft draft, EtsyChannelSettings.Terms terms, bool creating)
    {
        var product = draft.Product;
        var fields = new Dictionary<string, string>
        {
            ["title"] = product.Title,
            ["description"] = ProductDescription.PlainText(product.Description) is { Length: > 0 } text ? text : product.Title,
            ["who_made"] = terms.WhoMade,
            ["when_made"] = terms.WhenMade,
            ["taxonomy_id"] = terms.TaxonomyId,
        };
        if (terms.ShippingProfileId.Length > 0) fields["shipping_profile_id"] = terms.ShippingProfileId;
        if (terms.ReturnPolicyId.Length > 0) fields["return_policy_id"] = terms.ReturnPolicyId;
        if (product.WeightGrams is { } grams) (fields["item_weight"], fields["item_weight_unit"]) = (grams.ToString(CultureInfo.InvariantCulture), "g");
        if (product is { LengthCm: { } l, WidthCm: { } w, HeightCm: { } h })
            (fields["item_length"], fields["item_width"], fields["item_height"], fields["item_dimensions_unit"]) = (Number(l), Number(w), Number(h), "cm");
        if (creating)
        {
            // A draft is created with one offering; the inventory call that follows sets every variant's own.
            fields["quantity"] = Math.Max(1, product.QuantityOnHand).ToString(CultureInfo.InvariantCulture);
            fields["price"] = Number(product.HasVariants ? product.Variants.Min(v => v.Price) : product.Price);
            fields["type"] = "physical";
            if (terms.ReadinessStateId.Length > 0) fields["readiness_state_id"] = terms.ReadinessStateId;
        }
        return fields;
    }

    /// <summary>The whole inventory (etsy.md: a replace, not a patch), prices as JSON numbers, the processing profile on each offering.</summary>
    private static object Inventory(Product product, EtsyChannelSettings.Terms terms)
    {
        var readiness = long.TryParse(terms.ReadinessStateId, out var r) ? r : (long?)null;
        object Offering(decimal price, int quantity) => new { price, quantity, is_enabled = true, readiness_state_id = readiness };
        if (!product.HasVariants)
            return new { products = new[] { new { sku = product.Sku, property_values = Array.Empty<object>(), offerings = new[] { Offering(product.Price, product.Quantity) } } },
                price_on_property = Array.Empty<long>(), quantity_on_property = Array.Empty<long>(), sku_on_property = Array.Empty<long>() };
        var properties = CustomProperties[..product.Options.Count];
        return new
        {
            products = product.Variants.Select(v => new
            {
                sku = v.Sku,
                property_values = product.Options.Select((o, i) => new { property_id = properties[i], property_name = o.Name, value_ids = Array.Empty<long>(), values = new[] { v.OptionValues[i] } }).ToArray(),
                offerings = new[] { Offering(v.Price, v.Quantity) },
            }).ToArray(),
            price_on_property = properties, quantity_on_property = properties, sku_on_property = properties,
        };
    }

    public string OutOfStock => "At 0 the Etsy listing is deactivated (the sheet is silent on an active listing without stock); it is activated again when stock returns.";

    /// <summary>
    /// updateListingInventory with the inventory as Etsy has it (getListingInventory), every offering kept and only the
    /// quantities of the changed SKUs replaced (etsy.md: a replace, not a patch). At 0 the listing is made inactive
    /// instead, and active again with the inventory when stock comes back.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> SetStockAsync(ConnectionApi api, IReadOnlyList<ListingStock> listings, CancellationToken ct) =>
        ListingStock.EachAsync(listings, async listing =>
        {
            var id = Uri.EscapeDataString(listing.ExternalId);
            if (listing.Total == 0)
            {
                using var inactive = await FormAsync(api, HttpMethod.Patch, $"/listings/{id}", new Dictionary<string, string> { ["state"] = "inactive" }, ct);
                return;
            }
            using var held = await GetAsync(api, (method, a, token, path) => EtsyApi.Request(method, a.Target, token, path), $"/v3/application/listings/{id}/inventory", ct);
            using (await SendJsonAsync(api, HttpMethod.Put, $"/v3/application/listings/{id}/inventory", Restocked(held.RootElement, listing.Quantities), ct)) { }
            if (listing.Known.Count > 0 && listing.Known.Values.Sum() == 0)
            {
                using var active = await FormAsync(api, HttpMethod.Patch, $"/listings/{id}", new Dictionary<string, string> { ["state"] = "active" }, ct);
            }
        });

    /// <summary>The inventory as read, in updateListingInventory's shape (prices as numbers), with each SKU's quantity replaced where given.</summary>
    private static object Restocked(JsonElement inventory, IReadOnlyDictionary<string, int> quantities) => new
    {
        products = inventory.GetProperty("products").EnumerateArray().Where(p => !(p.TryGetProperty("is_deleted", out var d) && d.ValueKind == JsonValueKind.True)).Select(p => new
        {
            sku = JsonText.Of(p, "sku") ?? "",
            property_values = p.GetProperty("property_values").EnumerateArray().Select(v => new
            {
                property_id = v.GetProperty("property_id").GetInt64(),
                property_name = JsonText.Of(v, "property_name"),
                value_ids = v.GetProperty("value_ids").EnumerateArray().Select(x => x.GetInt64()).ToArray(),
                values = v.GetProperty("values").EnumerateArray().Select(x => x.GetString()).ToArray(),
            }).ToArray(),
            offerings = p.GetProperty("offerings").EnumerateArray().Where(o => !(o.TryGetProperty("is_deleted", out var d) && d.ValueKind == JsonValueKind.True)).Select(o => new
            {
                price = (decimal)o.GetProperty("price").GetProperty("amount").GetInt64() / o.GetProperty("price").GetProperty("divisor").GetInt64(),
                quantity = quantities.TryGetValue(JsonText.Of(p, "sku") ?? "", out var wanted) ? wanted : o.GetProperty("quantity").GetInt32(),
                is_enabled = o.GetProperty("is_enabled").GetBoolean(),
                readiness_state_id = o.TryGetProperty("readiness_state_id", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : (long?)null,
            }).ToArray(),
        }).ToArray(),
        price_on_property = Ids(inventory, "price_on_property"),
        quantity_on_property = Ids(inventory, "quantity_on_property"),
        sku_on_property = Ids(inventory, "sku_on_property"),
    };

    private static long[] Ids(JsonElement inventory, string property) =>
        inventory.TryGetProperty(property, out var ids) && ids.ValueKind == JsonValueKind.Array ? ids.EnumerateArray().Select(i => i.GetInt64()).ToArray() : [];

    /// <summary>Each rank holds the catalog's picture of that position: one whose size differs is uploaded over it, extras removed.</summary>
    private async Task SyncImagesAsync(ConnectionApi api, string listingId, Product product, JsonElement? existing, CancellationToken ct)
    {
        var held = existing is { } listing && listing.TryGetProperty("images", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(i => (Id: i.GetProperty("listing_image_id").GetInt64(), Rank: i.GetProperty("rank").GetInt32(),
                Width: i.TryGetProperty("full_width", out var w) && w.TryGetInt32(out var wn) ? wn : 0, Height: i.TryGetProperty("full_height", out var h) && h.TryGetInt32(out var hn) ? hn : 0)).ToList()
            : [];
        var ordered = product.Images.OrderBy(i => i.Position).ToList();
        for (var rank = 1; rank <= ordered.Count; rank++)
        {
            var image = ordered[rank - 1];
            if (held.Any(h => h.Rank == rank && h.Width == image.Width && h.Height == image.Height)) continue;
            var path = images.OriginalOf(image.Id) ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"The photo {image.FileName} is missing from the media folder.");
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var shownRank = rank;
            using var response = await api.SendAsync(token =>
            {
                var request = EtsyApi.ShopRequest(HttpMethod.Post, api, token, $"/listings/{listingId}/images");
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(image.ContentType);
                request.Content = new MultipartFormDataContent
                {
                    { file, "image", image.FileName },
                    { new StringContent(shownRank.ToString(CultureInfo.InvariantCulture)), "rank" },
                    { new StringContent("true"), "overwrite" },
                    { new StringContent(product.Title), "alt_text" },
                };
                return request;
            }, ct);
            using var _ = await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
        }
        foreach (var extra in held.Where(h => h.Rank > ordered.Count))
        {
            using var response = await api.SendAsync(token => EtsyApi.ShopRequest(HttpMethod.Delete, api, token, $"/listings/{listingId}/images/{extra.Id}"), ct);
            if (response.StatusCode != HttpStatusCode.NotFound) await MarketplaceHttp.EnsureSuccessAsync(response, (r, j) => MarketplaceHttp.Failure(r, j, "Etsy"), ct);
        }
    }

    private static async Task<JsonDocument> FormAsync(ConnectionApi api, HttpMethod method, string shopPath, Dictionary<string, string> fields, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => Form(EtsyApi.ShopRequest(method, api, token, shopPath), fields), ct);
        return await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
    }

    private static HttpRequestMessage Form(HttpRequestMessage request, Dictionary<string, string> fields)
    {
        request.Content = new FormUrlEncodedContent(fields);
        return request;
    }

    private static async Task<JsonDocument> SendJsonAsync(ConnectionApi api, HttpMethod method, string path, object body, CancellationToken ct)
    {
        using var response = await api.SendAsync(token =>
        {
            var request = EtsyApi.Request(method, api.Target, token, path);
            request.Content = JsonContent.Create(body, body.GetType());
            return request;
        }, ct);
        return await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
    }

    private static async Task<JsonDocument> GetAsync(ConnectionApi api, Func<HttpMethod, ConnectionApi, string, string, HttpRequestMessage> request, string path, CancellationToken ct)
    {
        using var response = await api.SendAsync(token => request(HttpMethod.Get, api, token, path), ct);
        return await MarketplaceHttp.ReadJsonAsync(response, "Etsy", ct);
    }

    private static string Id(JsonElement listing) => listing.GetProperty("listing_id").GetRawText();

    private static decimal? Price(JsonElement product) =>
        product.GetProperty("offerings").EnumerateArray().Select(o => o.GetProperty("price")).Select(m => (decimal)m.GetProperty("amount").GetInt64() / m.GetProperty("divisor").GetInt64())
            .Cast<decimal?>().FirstOrDefault();

    private static int? Quantity(JsonElement product) => product.GetProperty("offerings").EnumerateArray().Select(o => o.GetProperty("quantity").GetInt32()).Cast<int?>().FirstOrDefault();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Number(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
