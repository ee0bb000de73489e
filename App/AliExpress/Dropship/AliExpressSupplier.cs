using System.Globalization;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Dropshipping;

namespace Marketplaces.AliExpress.Dropship;

/// <summary>
/// AliExpress as a dropship supplier: aliexpress.ds.text.search, aliexpress.ds.product.get and
/// aliexpress.ds.freight.query (aliexpress.md §5.1-§5.3), read into the dropshipping feature's types.
/// </summary>
public sealed class AliExpressSupplier : ISupplierCatalog
{
    public const string Language = "en_US";

    public string MarketplaceId => "aliexpress";

    public async Task<SupplierSearchPage> SearchAsync(ConnectionApi api, SupplierSearch search, CancellationToken ct)
    {
        var body = await IopSync.CallAsync(api, "aliexpress.ds.text.search", new Dictionary<string, string?>
        {
            ["keyWord"] = search.Keywords.Trim(),
            ["local"] = Language,
            ["countryCode"] = search.Country,
            ["currency"] = search.Currency,
            ["sortBy"] = search.Sort switch
            {
                SupplierSort.PriceLowToHigh => "min_price,asc",
                SupplierSort.PriceHighToLow => "min_price,desc",
                SupplierSort.MostOrders => "orders,desc",
                SupplierSort.MostReviews => "comments,desc",
                _ => null,
            },
            ["pageSize"] = search.PageSize.ToString(CultureInfo.InvariantCulture),
            ["pageIndex"] = search.Page.ToString(CultureInfo.InvariantCulture),
        }, ct);
        if (IopJson.Object(body, "data") is not { } data)
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"AliExpress's search failed: {IopJson.Text(body, "msg") ?? IopJson.Text(body, "code") ?? "no data"}");
        var hits = IopJson.List(data, "products").Select(p => Hit(p, search.Currency)).OfType<SupplierHit>().ToList();
        return new SupplierSearchPage(hits, IopJson.Int(data, "totalCount") ?? hits.Count, IopJson.Int(data, "pageIndex") ?? search.Page,
            IopJson.Int(data, "pageSize") ?? search.PageSize);
    }

    public async Task<IReadOnlyList<SupplierFeed>> FeedsAsync(ConnectionApi api, CancellationToken ct)
    {
        var body = await IopSync.CallAsync(api, "aliexpress.ds.feedname.get", [], ct);
        // The documented answer nests the list in resp_result.result.promos.promo; read it wherever the wrapper puts it.
        var result = IopJson.Object(body, "resp_result") is { } wrapped ? IopJson.Object(wrapped, "result") : IopJson.Object(body, "result");
        return result is null ? [] : IopJson.List(result.Value, "promos")
            .Where(p => IopJson.Text(p, "promo_name") is not null)
            .Select(p => new SupplierFeed(IopJson.Text(p, "promo_name")!, IopJson.Text(p, "promo_desc") ?? IopJson.Text(p, "promo_name")!, IopJson.Int(p, "product_num")))
            .ToList();
    }

    public async Task<SupplierFeedPage> FeedPageAsync(ConnectionApi api, string feed, string? cursor, int pageSize, CancellationToken ct)
    {
        var body = await IopSync.CallAsync(api, "aliexpress.ds.feed.itemids.get", new Dictionary<string, string?>
        {
            ["feed_name"] = feed, ["page_size"] = pageSize.ToString(CultureInfo.InvariantCulture), ["search_id"] = cursor,
        }, ct);
        var result = IopJson.Object(body, "result") ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"AliExpress sent feed {feed} without a result");
        var ids = IopJson.List(result, "products").Select(n => n.ValueKind == JsonValueKind.String ? n.GetString()! : n.GetRawText()).ToList();
        return new SupplierFeedPage(ids, IopJson.Text(result, "search_id"), IopJson.Int(result, "total"));
    }

    public async Task<SupplierProduct> ProductAsync(ConnectionApi api, string productId, string country, string currency, CancellationToken ct)
    {
        var body = await IopSync.CallAsync(api, "aliexpress.ds.product.get", new Dictionary<string, string?>
        {
            ["product_id"] = productId,
            ["ship_to_country"] = country,
            ["target_currency"] = currency,
            ["target_language"] = "en",
        }, ct);
        if (IopJson.Object(body, "result") is not { } result)
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, IopJson.Text(body, "rsp_code") switch
            {
                "605" => $"AliExpress has no product {productId}.",
                "602" => $"AliExpress does not sell product {productId} to {country}.",
                var code => $"AliExpress could not read product {productId}: {IopJson.Text(body, "rsp_msg") ?? code ?? "no result"}",
            });
        }
        var info = IopJson.Object(result, "ae_item_base_info_dto") ?? default;
        var skus = IopJson.List(result, "ae_item_sku_info_dtos").ToList();
        var options = skus.Count == 0 ? [] : Properties(skus[0]).Select(p => IopJson.Text(p, "sku_property_name") ?? "Option").ToList();
        return new SupplierProduct(
            productId,
            IopJson.Text(info, "subject") ?? throw Unreadable(productId, "subject"),
            IopJson.Text(info, "detail") ?? IopJson.Text(info, "mobile_detail") ?? "",
            skus.Select(s => IopJson.Text(s, "currency_code")).FirstOrDefault(c => c is not null) ?? IopJson.Text(info, "currency_code") ?? currency,
            IopJson.Text(info, "product_status_type") is null or "onSelling",
            options,
            skus.Select(s => Sku(s, productId)).ToList(),
            (IopJson.Object(result, "ae_multimedia_info_dto") is { } media ? IopJson.Text(media, "image_urls") ?? "" : "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Absolute).ToList(),
            IopJson.Object(result, "package_info_dto") is { } package
                ? new SupplierPackage(IopJson.Decimal(package, "gross_weight"), IopJson.Decimal(package, "package_length"),
                    IopJson.Decimal(package, "package_width"), IopJson.Decimal(package, "package_height"))
                : null,
            IopJson.Decimal(info, "avg_evaluation_rating"),
            IopJson.Int(info, "sales_count"),
            IopJson.Object(result, "ae_store_info") is { } store ? IopJson.Text(store, "store_name") : null);
    }

    public async Task<IReadOnlyList<FreightOption>> FreightAsync(
        ConnectionApi api, string productId, string skuId, int quantity, string country, string currency, CancellationToken ct)
    {
        // One JSON string with camelCase keys (§5.3, §8).
        var query = JsonSerializer.Serialize(new
        {
            quantity, shipToCountry = country, productId, selectedSkuId = skuId, language = Language, locale = Language, currency,
        });
        var body = await IopSync.CallAsync(api, "aliexpress.ds.freight.query", new Dictionary<string, string?> { ["queryDeliveryReq"] = query }, ct);
        var result = IopJson.Object(body, "result") ?? throw Unreadable(productId, "result");
        if (IopJson.Text(result, "success") is "false")
        {
            throw new MarketplaceException(MarketplaceErrorKind.Rejected, IopJson.Text(result, "msg") switch
            {
                "DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS" => $"AliExpress does not deliver this product to {country}.",
                var message => $"AliExpress could not quote shipping: {message ?? IopJson.Text(result, "code")}",
            });
        }
        return IopJson.List(result, "delivery_options")
            .Select(o => new FreightOption(
                IopJson.Text(o, "code") ?? throw Unreadable(productId, "delivery option code"),
                IopJson.Text(o, "company") ?? IopJson.Text(o, "code")!,
                IopJson.Flag(o, "free_shipping") ? 0m : IopJson.Decimal(o, "shipping_fee_cent") ?? throw Unreadable(productId, "shipping_fee_cent"),
                IopJson.Text(o, "shipping_fee_currency") ?? currency,
                IopJson.Int(o, "min_delivery_days"),
                IopJson.Int(o, "max_delivery_days"),
                IopJson.Text(o, "tracking") is not "false"))
            .OrderBy(o => o.Fee).ThenBy(o => o.MaxDays ?? int.MaxValue).ToList();
    }

    private static SupplierHit? Hit(JsonElement p, string currency) =>
        IopJson.Text(p, "itemId") is not { } id || IopJson.Text(p, "title") is not { } title ? null
            : new SupplierHit(id, title, IopJson.Text(p, "itemMainPic") is { } pic ? Absolute(pic) : null, IopJson.Text(p, "itemUrl"),
                IopJson.Decimal(p, "targetSalePrice") ?? IopJson.Decimal(p, "salePrice"), IopJson.Decimal(p, "targetOriginalPrice"),
                IopJson.Text(p, "targetSalePriceCurrency") ?? currency,
                IopJson.Decimal(p, "score") is { } score and <= 5 ? score : IopJson.Decimal(p, "evaluateRate") is { } rate ? Math.Round(rate / 20, 1) : null,
                IopJson.Int(p, "orders"));

    private static SupplierSku Sku(JsonElement sku, string productId)
    {
        var properties = Properties(sku).ToList();
        return new SupplierSku(
            IopJson.Text(sku, "sku_id") ?? throw Unreadable(productId, "sku_id"),
            IopJson.Text(sku, "sku_attr") ?? "",
            properties.Select(p => IopJson.Text(p, "property_value_definition_name") ?? IopJson.Text(p, "sku_property_value") ?? "").ToList(),
            IopJson.Decimal(sku, "offer_sale_price") ?? IopJson.Decimal(sku, "sku_price") ?? throw Unreadable(productId, "offer_sale_price"),
            IopJson.Int(sku, "sku_available_stock") ?? 0,
            properties.Select(p => IopJson.Text(p, "sku_image")).FirstOrDefault(i => i is not null) is { } image ? Absolute(image) : null);
    }

    private static IEnumerable<JsonElement> Properties(JsonElement sku) => IopJson.List(sku, "ae_sku_property_dtos");

    /// <summary>AliExpress's CDN addresses often come scheme-relative (<c>//ae01.alicdn.com/…</c>).</summary>
    private static string Absolute(string url) => url.StartsWith("//", StringComparison.Ordinal) ? "https:" + url : url;

    private static MarketplaceException Unreadable(string productId, string field) =>
        new(MarketplaceErrorKind.Rejected, $"AliExpress sent product {productId} without a readable {field}.");
}
