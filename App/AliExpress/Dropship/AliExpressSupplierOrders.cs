using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Dropshipping;

namespace Marketplaces.AliExpress.Dropship;

/// <summary>
/// aliexpress.ds.order.create, aliexpress.trade.ds.order.get and aliexpress.ds.order.tracking.get (aliexpress.md
/// §5.4-§5.6). The order is one JSON string field with the app's out_order_id, which AliExpress keeps for 24 hours;
/// its JSON is written the same way for the same request, so a retry sends the very same order.
/// </summary>
public sealed class AliExpressSupplierOrders : ISupplierOrders
{
    public string MarketplaceId => "aliexpress";

    public async Task<SupplierPlacement> PlaceAsync(ConnectionApi api, SupplierOrderRequest request, CancellationToken ct)
    {
        var address = request.Address;
        var place = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["out_order_id"] = request.OutOrderId,
            ["logistics_address"] = new Dictionary<string, string?>
            {
                ["address"] = address.Line1, ["address2"] = address.Line2, ["city"] = address.City, ["province"] = address.Province,
                ["country"] = address.Country, ["zip"] = address.Zip, ["contact_person"] = address.FullName, ["full_name"] = address.FullName,
                ["mobile_no"] = address.Phone, ["locale"] = AliExpressSupplier.Language, ["cpf"] = address.Country == "BR" ? address.TaxNumber : null,
                ["tax_number"] = address.Country == "BR" ? null : address.TaxNumber,
            }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(),
            ["product_items"] = request.Items.Select(i => new Dictionary<string, object>
            {
                ["product_id"] = long.Parse(i.ProductId, System.Globalization.CultureInfo.InvariantCulture), ["product_count"] = i.Count,
                ["sku_attr"] = i.SkuAttr, ["logistics_service_name"] = i.Service,
            }).ToList(),
        });
        var extend = JsonSerializer.Serialize(new { payment = new { pay_currency = "USD", try_to_pay = request.TryToPay ? "true" : "false" } });
        var body = await IopSync.CallAsync(api, "aliexpress.ds.order.create", new Dictionary<string, string?>
        {
            ["param_place_order_request4_open_api_d_t_o"] = place,
            ["ds_extend_request"] = extend,
        }, ct);
        var result = IopJson.Object(body, "result") ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, "AliExpress's answer to the order has no result");
        if (IopJson.Text(result, "is_success") is "true")
        {
            var ids = IopJson.List(result, "order_list").Select(n => n.ValueKind == JsonValueKind.String ? n.GetString()! : n.GetRawText()).ToList();
            return ids.Count > 0 ? new SupplierPlacement(ids, null, null)
                : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "AliExpress said the order succeeded but named no order");
        }
        return new SupplierPlacement([], IopJson.Text(result, "error_code") ?? "UNKNOWN", IopJson.Text(result, "error_msg"));
    }

    public async Task<SupplierOrderStatus> StatusAsync(ConnectionApi api, string supplierOrderId, CancellationToken ct)
    {
        var body = await IopSync.CallAsync(api, "aliexpress.trade.ds.order.get", new Dictionary<string, string?>
        {
            ["single_order_query"] = JsonSerializer.Serialize(new { order_id = supplierOrderId }),
        }, ct);
        var result = IopJson.Object(body, "result") ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"AliExpress sent order {supplierOrderId} without a result");
        var status = IopJson.Text(result, "order_status") ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"AliExpress sent order {supplierOrderId} without a status");
        var logistics = IopJson.Text(result, "logistics_status");
        var amount = IopJson.Object(result, "order_amount");
        var progress = status switch
        {
            "PLACE_ORDER_SUCCESS" or "PAYMENT_PROCESSING" or "WAIT_GROUP" or "WAIT_COMPLETE_ADDRESS" => SupplierOrderProgress.AwaitingPayment,
            "WAIT_BUYER_ACCEPT_GOODS" or "SELLER_PART_SEND_GOODS" => SupplierOrderProgress.Shipped,
            "FINISH" when logistics is "SELLER_SEND_GOODS" or "BUYER_ACCEPT_GOODS" => SupplierOrderProgress.Shipped,
            "FINISH" or "IN_CANCEL" => SupplierOrderProgress.Closed,
            _ => logistics is "SELLER_SEND_GOODS" or "SELLER_SEND_PART_GOODS" ? SupplierOrderProgress.Shipped : SupplierOrderProgress.Processing,
        };
        var endReason = IopJson.List(result, "child_order_list").Select(c => IopJson.Text(c, "end_reason")).FirstOrDefault(r => r is not null);
        return new SupplierOrderStatus(progress, status, amount is { } a ? IopJson.Decimal(a, "amount") : null, amount is { } c ? IopJson.Text(c, "currency_code") : null, endReason);
    }

    public async Task<IReadOnlyList<SupplierParcel>> TrackingAsync(ConnectionApi api, string supplierOrderId, CancellationToken ct)
    {
        var body = await IopSync.CallAsync(api, "aliexpress.ds.order.tracking.get", new Dictionary<string, string?>
        {
            ["ae_order_id"] = supplierOrderId, ["language"] = AliExpressSupplier.Language,
        }, ct);
        var data = IopJson.Object(body, "result") is { } result ? IopJson.Object(result, "data") : null;
        return data is null ? [] : IopJson.List(data.Value, "tracking_detail_line_list")
            .Where(l => IopJson.Text(l, "mail_no") is not null)
            .Select(l => new SupplierParcel(IopJson.Text(l, "mail_no")!, IopJson.Text(l, "carrier_name") ?? "Other")).ToList();
    }
}
