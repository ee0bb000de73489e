using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.AliExpress.Sandbox.Dropship;

/// <summary>
/// aliexpress.ds.order.create, aliexpress.trade.ds.order.get and aliexpress.ds.order.tracking.get (aliexpress.md
/// §5.4-§5.6). An order is refused as AliExpress does, inside <c>result</c> (is_success false, error_code,
/// error_msg naming the field): an address missing a required field, a Brazilian address without a CPF, a sold-out
/// SKU, a logistics service that does not exist. A repeated out_order_id gives the first order back (its 24-hour
/// idempotency); the same id with other content is REPEATED_ORDER_ERROR.
/// </summary>
internal sealed class SandboxDsOrderApis(AliExpressSandboxCatalogue catalogue, SandboxDsOrders orders)
{
    public const string OrderCreate = "aliexpress.ds.order.create";
    public const string OrderGet = "aliexpress.trade.ds.order.get";
    public const string TrackingGet = "aliexpress.ds.order.tracking.get";

    private const string PlaceOrder = "param_place_order_request4_open_api_d_t_o";

    public IopAnswer Create(IopGatewayRequest request)
    {
        if (request[PlaceOrder] is not { } text) return IopAnswer.Error(IopError.MissingParameter(PlaceOrder));
        if (Parse(text) is not { } place) return IopAnswer.Error(IopError.InvalidParameter(PlaceOrder, "must be a JSON object"));
        var extend = request["ds_extend_request"] is { } extendText ? Parse(extendText) : null;
        var outOrderId = place["out_order_id"]?.ToString();
        if (outOrderId is not null && orders.FindByOutOrderId(outOrderId) is { } earlier)
            return earlier.Fingerprint == text ? Created(earlier) : Refused("REPEATED_ORDER_ERROR", $"out_order_id {outOrderId} was used for another order");
        if (place["logistics_address"] as JsonObject is not { } address) return Refused("B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL", "logistics_address is required");
        if (AddressProblem(address) is { } problem) return problem;
        if (place["product_items"] as JsonArray is not { Count: > 0 } items) return Refused("ERROR_WHEN_BUILD_FOR_PLACE_ORDER", "product_items is required");
        var ordered = new List<(SandboxDsProduct Product, SandboxDsSku Sku, int Count, SandboxDsService Service)>();
        foreach (var item in items.OfType<JsonObject>())
        {
            var product = long.TryParse(item["product_id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? catalogue.Find(id) : null;
            if (product is not { OnSale: true }) return Refused("A001_ORDER_CANNOT_BE_PLACED", $"product {item["product_id"]} cannot be ordered");
            var attr = item["sku_attr"]?.ToString() ?? "";
            var sku = product.Skus.FirstOrDefault(s => s.SkuAttr == attr);
            if (sku is null) return Refused("A001_ORDER_CANNOT_BE_PLACED", $"sku_attr '{attr}' is not a SKU of product {product.ProductId}");
            if (!int.TryParse(item["product_count"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                return Refused("ERROR_WHEN_BUILD_FOR_PLACE_ORDER", "product_count must be a positive number");
            if (sku.Stock < count) return Refused("INVENTORY_HOLD_ERROR", $"SKU {sku.SkuId} has {sku.Stock} in stock");
            var service = SandboxDsShipping.Services.FirstOrDefault(s => s.Code == item["logistics_service_name"]?.ToString());
            if (service is null) return Refused("DELIVERY_METHOD_NOT_EXIST", $"logistics_service_name '{item["logistics_service_name"]}' does not exist for this product");
            ordered.Add((product, sku, count, service));
        }
        foreach (var (product, sku, count, _) in ordered) catalogue.Change(product.ProductId, _ => sku.Stock -= count);
        var paid = extend?["payment"]?["try_to_pay"]?.ToString() == "true";
        var order = orders.Add(outOrderId, text,
            ordered.Select(o => new SandboxDsOrderItem(o.Product.ProductId, o.Sku.SkuId, o.Product.Title, o.Count, o.Sku.Price, o.Service,
                o.Service.FreeFrom == 0m ? 0m : o.Service.Fee * o.Count)).ToList(),
            address["country"]!.ToString(), paid);
        return Created(order);
    }

    public IopAnswer Get(IopGatewayRequest request)
    {
        if (request["single_order_query"] is not { } text) return IopAnswer.Error(IopError.MissingParameter("single_order_query"));
        if (Find(Parse(text)?["order_id"]?.ToString()) is not { } order)
            return IopAnswer.Error(IopError.InvalidParameter("single_order_query", "no order with this order_id"));
        var (status, logistics, _) = orders.StatusOf(order);
        var total = order.Items.Sum(i => i.Price * i.Count + i.ShippingFee);
        return IopAnswer.Success(new JsonObject
        {
            ["result"] = new JsonObject
            {
                ["gmt_create"] = order.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ["order_status"] = status,
                ["logistics_status"] = logistics,
                ["order_amount"] = Money(total),
                ["user_order_amount"] = Money(total),
                ["pay_timeout_second"] = order.PaidAt is null ? (long)SandboxDsOrders.PayWithin.TotalSeconds : 0,
                ["order_paidtime_string"] = order.PaidAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ["store_info"] = new JsonObject { ["store_id"] = 1102000001, ["store_name"] = "Sandbox Supplier Store", ["store_url"] = "https://www.aliexpress.com/store/1102000001" },
                ["child_order_list"] = new JsonObject
                {
                    ["aeop_child_order_info"] = new JsonArray(order.Items.Select(i => (JsonNode)new JsonObject
                    {
                        ["product_id"] = i.ProductId,
                        ["sku_id"] = i.SkuId,
                        ["product_name"] = i.Title,
                        ["product_count"] = i.Count,
                        ["product_price"] = Money(i.Price),
                        ["shipping_fee"] = Money(i.ShippingFee),
                        ["actual_fee"] = Money(i.Price * i.Count + i.ShippingFee),
                        ["end_reason"] = status == "FINISH" && order.PaidAt is null ? "pay_timeout" : null,
                    }).ToArray()),
                },
            },
        });
    }

    public IopAnswer Tracking(IopGatewayRequest request)
    {
        if (request["ae_order_id"] is null) return IopAnswer.Error(IopError.MissingParameter("ae_order_id"));
        if (Find(request["ae_order_id"]) is not { } order) return IopAnswer.Error(IopError.InvalidParameter("ae_order_id", "no order with this id"));
        var (_, _, shippedAt) = orders.StatusOf(order);
        var lines = shippedAt is not { } shipped ? [] : order.Items.GroupBy(i => i.Service).Select(g => (JsonNode)new JsonObject
        {
            ["mail_no"] = order.TrackingNumber,
            ["carrier_name"] = g.Key.Carrier,
            ["eta_time_stamps"] = (shipped + TimeSpan.FromDays(g.Key.MaxDays)).ToUnixTimeMilliseconds(),
            ["detail_node_list"] = new JsonArray(new JsonObject
            {
                ["tracking_name"] = "Accepted by carrier", ["tracking_detail_desc"] = "The parcel was handed over to the carrier",
                ["time_stamp"] = shipped.ToUnixTimeMilliseconds(),
            }),
            ["package_item_list"] = new JsonArray(g.Select(i => (JsonNode)new JsonObject { ["sku_id"] = i.SkuId, ["quantity"] = i.Count }).ToArray()),
        }).ToArray();
        return IopAnswer.Success(new JsonObject
        {
            ["result"] = new JsonObject { ["ret"] = true, ["code"] = 200, ["msg"] = "success", ["data"] = new JsonObject { ["tracking_detail_line_list"] = new JsonArray(lines) } },
        });
    }

    private IopAnswer? AddressProblem(JsonObject address)
    {
        string? Field(string name) => address[name]?.ToString() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        foreach (var required in new[] { "address", "city", "province", "country", "zip", "mobile_no" })
        {
            if (Field(required) is null) return Refused("B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL", $"{required} is required");
        }
        var name = Field("contact_person") ?? Field("full_name");
        if (name is not { Length: >= 2 and <= 32 }) return Refused("B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL", "contact_person must be 2-32 characters");
        if (!Field("mobile_no")!.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+')) return Refused("B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL", "mobile_no must be a phone number");
        if (!SandboxDsShipping.Countries.Contains(Field("country")!)) return Refused("B_DROPSHIPPER_DELIVERY_ADDRESS_VALIDATE_FAIL", "country is not delivered to");
        if (Field("country") == "BR" && (Field("cpf") is not { Length: 11 } cpf || !cpf.All(char.IsAsciiDigit)))
            return Refused("B_DROPSHIPPER_DELIVERY_ADDRESS_CPF_CN_INVALID", "cpf must be the buyer's 11-digit CPF");
        return null;
    }

    private SandboxDsOrder? Find(string? id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId) ? orders.Find(orderId) : null;

    private static IopAnswer Created(SandboxDsOrder order) => IopAnswer.Success(new JsonObject
    {
        ["result"] = new JsonObject { ["is_success"] = true, ["order_list"] = new JsonObject { ["number"] = new JsonArray(order.OrderId) } },
    });

    private static IopAnswer Refused(string code, string message) => IopAnswer.Success(new JsonObject
    {
        ["result"] = new JsonObject { ["is_success"] = false, ["error_code"] = code, ["error_msg"] = message },
    });

    private static JsonObject Money(decimal dollars) => new() { ["amount"] = SandboxDsMoney.Text(dollars), ["currency_code"] = "USD" };

    private static JsonObject? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
