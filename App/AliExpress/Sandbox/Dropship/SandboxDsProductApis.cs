using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// aliexpress.ds.text.search, aliexpress.ds.product.get and aliexpress.ds.freight.query (aliexpress.md §5.1-§5.3) over
/// the sandbox catalogue, in the gateway's shapes: snake_case for product.get and freight, camelCase search products,
/// lists wrapped in an object keyed by their element type, numbers as strings where the examples show strings.
/// </summary>
internal sealed class SandboxDsProductApis(AliExpressSandboxCatalogue catalogue)
{
    public const string TextSearch = "aliexpress.ds.text.search";
    public const string ProductGet = "aliexpress.ds.product.get";
    public const string FreightQuery = "aliexpress.ds.freight.query";

    private const int MaxPageSize = 50;

    /// <param name="imageBase">Where the sandbox serves its photos, as the caller reached it.</param>
    public IopAnswer Search(IopGatewayRequest request, string imageBase)
    {
        if (Missing(request, "local", "countryCode", "currency") is { } missing) return missing;
        var pageSize = Math.Clamp(Number(request["pageSize"]) ?? 20, 1, MaxPageSize);
        var pageIndex = Math.Max(Number(request["pageIndex"]) ?? 1, 1);
        var currency = SandboxDsMoney.Currency(request["currency"]);
        var words = (request["keyWord"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = catalogue.All.Where(p => p.OnSale && words.All(w => p.Title.Contains(w, StringComparison.OrdinalIgnoreCase)));
        found = request["sortBy"] switch
        {
            "min_price,asc" => found.OrderBy(p => p.MinPrice),
            "min_price,desc" => found.OrderByDescending(p => p.MinPrice),
            "orders,desc" => found.OrderByDescending(p => p.Orders),
            "orders,asc" => found.OrderBy(p => p.Orders),
            "comments,desc" => found.OrderByDescending(p => p.Evaluations),
            "comments,asc" => found.OrderBy(p => p.Evaluations),
            _ => found,
        };
        var all = found.ToList();
        var page = all.Skip((pageIndex - 1) * pageSize).Take(pageSize).Select(p => (JsonNode)new JsonObject
        {
            ["itemId"] = p.ProductId.ToString(CultureInfo.InvariantCulture),
            ["title"] = p.Title,
            ["itemMainPic"] = ImagePath(imageBase, p, 0),
            ["itemUrl"] = $"https://www.aliexpress.com/item/{p.ProductId}.html",
            ["salePrice"] = SandboxDsMoney.Text(p.MinPrice),
            ["salePriceCurrency"] = "USD",
            ["targetSalePrice"] = SandboxDsMoney.Text(SandboxDsMoney.Convert(p.MinPrice, currency)),
            ["targetOriginalPrice"] = SandboxDsMoney.Text(SandboxDsMoney.Convert(p.MinPrice * 1.6m, currency)),
            ["targetSalePriceCurrency"] = currency,
            ["originalPrice"] = SandboxDsMoney.Text(p.MinPrice * 1.6m),
            ["discount"] = "38%",
            ["evaluateRate"] = SandboxDsMoney.Text(p.Rating * 20) + "%",
            ["score"] = p.Rating.ToString(CultureInfo.InvariantCulture),
            ["orders"] = p.Orders.ToString("#,0", CultureInfo.InvariantCulture),
            ["cateId"] = (200000000 + p.Category.Length).ToString(CultureInfo.InvariantCulture),
            ["type"] = "search",
        }).ToArray();
        return IopAnswer.Success(new JsonObject
        {
            ["code"] = "0",
            ["msg"] = "Call succeeds",
            ["data"] = new JsonObject
            {
                ["totalCount"] = all.Count,
                ["pageIndex"] = pageIndex,
                ["pageSize"] = pageSize,
                ["products"] = new JsonObject { ["selection_search_product"] = new JsonArray(page) },
            },
        });
    }

    public IopAnswer Product(IopGatewayRequest request, string imageBase)
    {
        if (Missing(request, "product_id", "ship_to_country") is { } missing) return missing;
        if (!long.TryParse(request["product_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || catalogue.Find(id) is not { } product)
            return IopAnswer.Success(new JsonObject { ["rsp_code"] = "605", ["rsp_msg"] = "ITEM_ID_NOT_FOUND" });
        var country = request["ship_to_country"]!;
        if (!SandboxDsShipping.Countries.Contains(country))
            return IopAnswer.Success(new JsonObject { ["rsp_code"] = "602", ["rsp_msg"] = "The product is not sold to " + country });
        var currency = SandboxDsMoney.Currency(request["target_currency"]);
        var skus = product.Skus.Select(s => (JsonNode)new JsonObject
        {
            ["sku_id"] = s.SkuId,
            ["sku_attr"] = s.SkuAttr,
            ["id"] = s.SkuAttr,
            ["sku_price"] = SandboxDsMoney.Text(SandboxDsMoney.Convert(s.Price * 1.6m, currency)),
            ["offer_sale_price"] = SandboxDsMoney.Text(SandboxDsMoney.Convert(s.Price, currency)),
            ["sku_available_stock"] = s.Stock.ToString(CultureInfo.InvariantCulture),
            ["currency_code"] = currency,
            ["price_include_tax"] = false,
            ["estimated_import_charges"] = "",
            ["ae_sku_property_dtos"] = new JsonObject
            {
                ["ae_sku_property_d_t_o"] = new JsonArray(product.Options.Select((o, n) => (JsonNode)new JsonObject
                {
                    ["sku_property_id"] = o.PropertyId,
                    ["sku_property_name"] = o.Name,
                    ["sku_property_value"] = s.Values[n],
                    ["property_value_id"] = o.ValueId(o.Values.ToList().IndexOf(s.Values[n])),
                    ["property_value_definition_name"] = s.Values[n],
                }).ToArray()),
            },
        }).ToArray();
        return IopAnswer.Success(new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["ae_item_base_info_dto"] = new JsonObject
                {
                    ["product_id"] = product.ProductId,
                    ["subject"] = product.Title,
                    ["detail"] = $"<div><p>{product.Title}.</p><p>Category: {product.Category}. Ships from the supplier's warehouse.</p></div>",
                    ["mobile_detail"] = $"<p>{product.Title}</p>",
                    ["category_id"] = 200000000 + product.Category.Length,
                    ["currency_code"] = currency,
                    ["product_status_type"] = product.OnSale ? "onSelling" : "offline",
                    ["avg_evaluation_rating"] = product.Rating.ToString(CultureInfo.InvariantCulture),
                    ["evaluation_count"] = product.Evaluations.ToString(CultureInfo.InvariantCulture),
                    ["sales_count"] = product.Orders.ToString(CultureInfo.InvariantCulture),
                },
                ["ae_item_sku_info_dtos"] = new JsonObject { ["ae_item_sku_info_d_t_o"] = new JsonArray(skus) },
                ["ae_multimedia_info_dto"] = new JsonObject
                {
                    ["image_urls"] = string.Join(';', Enumerable.Range(0, product.ImageCount).Select(n => ImagePath(imageBase, product, n))),
                },
                ["package_info_dto"] = new JsonObject
                {
                    ["gross_weight"] = product.WeightKg.ToString("0.000", CultureInfo.InvariantCulture),
                    ["package_length"] = product.Package.Length,
                    ["package_width"] = product.Package.Width,
                    ["package_height"] = product.Package.Height,
                    ["package_type"] = false,
                    ["product_unit"] = 100000015,
                },
                ["logistics_info_dto"] = new JsonObject { ["delivery_time"] = 7, ["ship_to_country"] = country },
                ["ae_store_info"] = new JsonObject
                {
                    ["store_id"] = 1102000000 + product.ProductId % 1000, ["store_name"] = "Sandbox Supplier Store", ["store_country_code"] = "CN",
                },
                ["has_whole_sale"] = false,
            },
            ["rsp_code"] = "200",
            ["rsp_msg"] = "Call succeeds",
        });
    }

    public IopAnswer Freight(IopGatewayRequest request)
    {
        if (Missing(request, "queryDeliveryReq") is { } missing) return missing;
        JsonObject query;
        try
        {
            query = JsonNode.Parse(request["queryDeliveryReq"]!) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return IopAnswer.Error(IopError.InvalidParameter("queryDeliveryReq", "must be a JSON object"));
        }
        // The keys are camelCase (§8: snake_case inside it is a common mistake, which the real API does not read).
        foreach (var key in new[] { "quantity", "shipToCountry", "productId", "selectedSkuId", "language", "locale", "currency" })
        {
            if (query[key] is null) return IopAnswer.Error(IopError.InvalidParameter("queryDeliveryReq", $"{key} is required"));
        }
        var product = long.TryParse(query["productId"]!.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? catalogue.Find(id) : null;
        var sku = product?.Skus.FirstOrDefault(s => s.SkuId == query["selectedSkuId"]!.ToString());
        if (sku is null) return Result(false, 501, "SKU_NOT_FOUND", []);
        var country = query["shipToCountry"]!.ToString();
        if (!SandboxDsShipping.Countries.Contains(country)) return Result(false, 505, "DELIVERY_NOT_AVAILABLE_TO_YOUR_ADDRESS", []);
        var quantity = int.TryParse(query["quantity"]!.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q > 0 ? q : 1;
        var currency = SandboxDsMoney.Currency(query["currency"]!.ToString());
        var options = SandboxDsShipping.Services.Select(service =>
        {
            var free = service.FreeFrom == 0m;
            var fee = free ? 0m : SandboxDsMoney.Convert(service.Fee * quantity, currency);
            return (JsonNode)new JsonObject
            {
                ["code"] = service.Code,
                ["company"] = service.Company,
                ["shipping_fee_cent"] = SandboxDsMoney.Text(fee),
                ["shipping_fee_format"] = $"{currency} {SandboxDsMoney.Text(fee)}",
                ["shipping_fee_currency"] = currency,
                ["free_shipping"] = free,
                ["min_delivery_days"] = service.MinDays,
                ["max_delivery_days"] = service.MaxDays,
                ["delivery_date_desc"] = $"{service.MinDays}-{service.MaxDays} days",
                ["ship_from_country"] = "CN",
                ["tracking"] = true,
                ["mayHavePFS"] = false,
                ["free_shipping_threshold"] = "0",
                ["available_stock"] = sku.Stock.ToString(CultureInfo.InvariantCulture),
                ["guaranteed_delivery_days"] = service.MaxDays.ToString(CultureInfo.InvariantCulture),
                ["ddpIncludeVATTax"] = "false",
            };
        }).ToArray();
        return Result(true, 200, "success", options);
    }

    private static IopAnswer Result(bool success, int code, string message, JsonNode[] options) => IopAnswer.Success(new JsonObject
    {
        ["result"] = new JsonObject
        {
            ["success"] = success,
            ["code"] = code,
            ["msg"] = message,
            ["delivery_options"] = new JsonObject { ["delivery_option_d_t_o"] = new JsonArray(options) },
        },
    });

    public static string ImagePath(string imageBase, SandboxDsProduct product, int n) => $"{imageBase}/images/{product.ProductId}-{n}.jpg";

    private static IopAnswer? Missing(IopGatewayRequest request, params string[] names) =>
        names.FirstOrDefault(n => request[n] is null) is { } name ? IopAnswer.Error(IopError.MissingParameter(name)) : null;

    private static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
