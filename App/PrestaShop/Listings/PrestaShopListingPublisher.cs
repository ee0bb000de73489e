using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Marketplaces.Connections;
using Marketplaces.Inventory;
using Marketplaces.Products;
using Marketplaces.Products.Listings;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.PrestaShop.Listings;

/// <summary>
/// A catalog product as a PrestaShop product (prestashop.md §4.1–§4.4): the product (XML; a PUT replaces it whole),
/// its combinations (one per variant, on attribute groups and values found by name or created), the stock of each
/// through stock_availables, and its images uploaded as files. Found again by its id or, after a lost answer, by its
/// reference (the SKU). The shop's prices are in its default currency: a product in another is refused, not converted.
/// Images are uploaded again only when their number changed (the webservice keeps no file name to compare by).
/// </summary>
public sealed class PrestaShopListingPublisher(ProductImages images, IMemoryCache cache) : IListingPublisher
{
    private readonly PrestaShopChannelSettings _settings = new(cache);

    public string MarketplaceId => "prestashop";

    public async Task<PublishedListing> PublishAsync(ConnectionApi api, ListingDraft draft, CancellationToken ct)
    {
        var product = draft.Product;
        var shop = await _settings.ShopAsync(api, ct);
        if (!string.Equals(product.Currency, shop.Currency, StringComparison.OrdinalIgnoreCase))
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"The PrestaShop shop's prices are in {shop.Currency}; {product.Sku} is priced in {product.Currency}.");
        var webservice = new PrestaShopApi(api);
        var existing = await FindAsync(webservice, draft, ct);
        var languages = draft.Setting(PrestaShopChannelSettings.Language, "") is { Length: > 0 } chosen
            ? new[] { chosen, shop.DefaultLanguage }.Distinct().ToList()
            : shop.Languages.Select(l => l.Id).ToList();
        var xml = new PrestaShopProductXml(draft, languages);
        var basePrice = product.HasVariants ? product.Variants.Min(v => v.Price) : product.Price;
        var saved = existing is { } found
            ? await webservice.WriteAsync(HttpMethod.Put, $"products/{PrestaShopJson.Text(found, "id")}", xml.Product(PrestaShopJson.Text(found, "id"), basePrice), ct)
            : await webservice.WriteAsync(HttpMethod.Post, "products", xml.Product(null, basePrice), ct);
        var id = PrestaShopJson.Text(saved, "id")!;
        var combinations = product.HasVariants ? await SaveCombinationsAsync(webservice, id, xml, basePrice, shop, ct) : [];
        await SaveStockAsync(webservice, id, product.HasVariants
            ? product.Variants.ToDictionary(v => combinations[v.Sku], v => v.Quantity)
            : new Dictionary<string, int> { [SimpleStock] = product.Quantity }, ct);
        await SaveImagesAsync(webservice, id, product, saved, ct);
        var root = api.Target.Endpoints.ApiBaseUrl.TrimEnd('/');
        return new PublishedListing(id, $"{root[..^"/api".Length]}/index.php?id_product={id}&controller=product");
    }

    public Task<IReadOnlyList<ChannelSetting>> SettingsAsync(ConnectionApi api, IReadOnlyDictionary<string, string> chosen, CancellationToken ct) =>
        _settings.OfferedAsync(api, ct);

    /// <summary>Inactive (PATCH, prestashop.md §4.2): off the shop, kept with its combinations; a product deleted there counts as ended.</summary>
    public async Task EndAsync(ConnectionApi api, ListingEnd listing, CancellationToken ct)
    {
        var externalId = listing.ExternalId;
        var webservice = new PrestaShopApi(api);
        if (await webservice.FindAsync("products", "product", externalId, ct) is null) return;
        await webservice.WriteAsync(HttpMethod.Patch, $"products/{Uri.EscapeDataString(externalId)}",
            new XElement("product", new XElement("id", externalId), new XElement("active", "0")), ct);
    }

    public IAsyncEnumerable<MarketplaceListing> ReadAllAsync(ConnectionApi api, IReadOnlyDictionary<string, string> settings, CancellationToken ct) => new PrestaShopListingReader(api, _settings).ReadAllAsync(ct);

    private static async Task<JsonElement?> FindAsync(PrestaShopApi webservice, ListingDraft draft, CancellationToken ct)
    {
        if (draft.ExternalId is { } id && await webservice.FindAsync("products", "product", id, ct) is { } found) return found;
        var byReference = await webservice.ListAsync("products", PrestaShopQuery.Build(("display", "full"), ("filter[reference]", $"[{draft.Product.Sku}]")), ct);
        return byReference.Count > 0 ? byReference[0] : null;
    }

    /// <summary>Combinations matched to variants by reference: updated, created or deleted; the id of each variant's.</summary>
    private static async Task<Dictionary<string, string>> SaveCombinationsAsync(PrestaShopApi webservice, string productId, PrestaShopProductXml xml, decimal basePrice,
        PrestaShopShop shop, CancellationToken ct)
    {
        var values = await new PrestaShopAttributes(webservice, shop.DefaultLanguage).ValueIdsAsync(xml.Draft.Product.Options, ct);
        var stored = (await webservice.ListAsync("combinations", PrestaShopQuery.Build(("display", "full"), ("filter[id_product]", $"[{productId}]")), ct))
            .ToDictionary(c => PrestaShopJson.Text(c, "reference") ?? "", c => PrestaShopJson.Text(c, "id")!, StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variant in xml.Draft.Product.Variants)
        {
            var optionValues = xml.Draft.Product.Options.Select((o, i) => values[(o.Name, variant.OptionValues[i])]).ToList();
            var known = stored.Remove(variant.Sku, out var existing) ? existing : null;
            var saved = await webservice.WriteAsync(known is null ? HttpMethod.Post : HttpMethod.Put, known is null ? "combinations" : $"combinations/{known}",
                xml.Combination(known, productId, variant, basePrice, optionValues), ct);
            ids[variant.Sku] = PrestaShopJson.Text(saved, "id")!;
        }
        foreach (var gone in stored.Values) await webservice.DeleteAsync($"combinations/{gone}", ct);
        return ids;
    }

    public string OutOfStock => "At 0 PrestaShop shows the product as out of stock (or keeps selling it, if the shop allows orders when out of stock).";

    /// <summary>
    /// The changed SKUs' stock rows written (prestashop.md §4.3), one PATCH each; which row holds which SKU (a variant's by
    /// its combination's reference) is read once per listing and kept, and read again after a write it refused.
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> SetStockAsync(ConnectionApi api, IReadOnlyList<ListingStock> listings, CancellationToken ct)
    {
        var webservice = new PrestaShopApi(api);
        return ListingStock.EachAsync(listings, async listing =>
        {
            var key = ("prestashop-stock-rows", api.Connection.Id, listing.ExternalId);
            try
            {
                var rows = await cache.GetOrCreateAsync(key, async entry =>
                {
                    entry.SlidingExpiration = TimeSpan.FromHours(6);
                    return await StockRowsAsync(webservice, listing, ct);
                });
                foreach (var (sku, quantity) in listing.Changed)
                {
                    var row = rows!.TryGetValue(sku, out var id) ? id
                        : throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"No combination with the reference {sku}: publish the product again.");
                    await webservice.WriteAsync(HttpMethod.Patch, $"stock_availables/{row}",
                        new XElement("stock_available", new XElement("id", row), new XElement("quantity", quantity.ToString(CultureInfo.InvariantCulture))), ct);
                }
            }
            catch (MarketplaceException)
            {
                cache.Remove(key);
                throw;
            }
        });
    }

    /// <summary>The id of the stock row of each SKU of the listing.</summary>
    private static async Task<Dictionary<string, string>> StockRowsAsync(PrestaShopApi webservice, ListingStock listing, CancellationToken ct)
    {
        var combinations = listing.Simple
            ? new Dictionary<string, string> { [SimpleStock] = listing.Sku }
            : (await webservice.ListAsync("combinations", PrestaShopQuery.Build(("display", "full"), ("filter[id_product]", $"[{listing.ExternalId}]")), ct))
                .ToDictionary(c => PrestaShopJson.Text(c, "id")!, c => PrestaShopJson.Text(c, "reference") ?? "");
        var rows = await webservice.ListAsync("stock_availables", PrestaShopQuery.Build(("display", "full"), ("filter[id_product]", $"[{listing.ExternalId}]")), ct);
        return rows.Where(r => combinations.ContainsKey(PrestaShopJson.Text(r, "id_product_attribute") ?? ""))
            .ToDictionary(r => combinations[PrestaShopJson.Text(r, "id_product_attribute")!], r => PrestaShopJson.Text(r, "id")!, StringComparer.Ordinal);
    }

    /// <summary>The stock row of a product without combinations is its id_product_attribute 0.</summary>
    private const string SimpleStock = "0";

    /// <summary>Each quantity on its stock row, by combination id (<see cref="SimpleStock"/> for a simple product): only those that differ are written (prestashop.md §4.3).</summary>
    private static async Task SaveStockAsync(PrestaShopApi webservice, string productId, IReadOnlyDictionary<string, int> wanted, CancellationToken ct)
    {
        var rows = await webservice.ListAsync("stock_availables", PrestaShopQuery.Build(("display", "full"), ("filter[id_product]", $"[{productId}]")), ct);
        foreach (var row in rows)
        {
            if (!wanted.TryGetValue(PrestaShopJson.Text(row, "id_product_attribute") ?? "", out var quantity) || PrestaShopJson.Text(row, "quantity") == quantity.ToString(CultureInfo.InvariantCulture))
                continue;
            var id = PrestaShopJson.Text(row, "id")!;
            await webservice.WriteAsync(HttpMethod.Patch, $"stock_availables/{id}",
                new XElement("stock_available", new XElement("id", id), new XElement("quantity", quantity.ToString(CultureInfo.InvariantCulture))), ct);
        }
    }

    private async Task SaveImagesAsync(PrestaShopApi webservice, string productId, Product product, JsonElement saved, CancellationToken ct)
    {
        var held = PrestaShopJson.Association(saved, "images").Select(i => PrestaShopJson.Text(i, "id")!).ToList();
        if (held.Count == product.Images.Count) return;
        foreach (var image in held) await webservice.DeleteAsync($"images/products/{productId}/{image}", ct);
        foreach (var image in product.Images.OrderBy(i => i.Position))
        {
            var path = images.OriginalOf(image.Id) ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"The photo {image.FileName} is missing from the media folder.");
            await webservice.UploadImageAsync(productId, await File.ReadAllBytesAsync(path, ct), image.FileName, image.ContentType, ct);
        }
    }
}
