using System.Text.Json;
using Marketplaces.AliExpress.Dropship;
using Marketplaces.Database;
using Marketplaces.Dropshipping;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.AliExpress.Webhooks;

/// <summary>
/// AliExpress's order-status push (aliexpress.md §6): <c>{"data":{"buyerId","orderId","orderStatus"},"message_type":53,
/// "seller_id","site","timestamp"}</c>, <c>timestamp</c> in seconds. Only the order id is used, to find the supplier order.
/// </summary>
public sealed record AliExpressOrderPush(long OrderId, string Status, long Timestamp)
{
    public const string Topic = "DROPSHIPPER_ORDER_STATUS_UPDATE";

    /// <summary>What tells deliveries apart: AliExpress retries a push as it was; a new status or moment is a new one.</summary>
    public string DeliveryId => $"{OrderId}:{Status}:{Timestamp}";

    public static AliExpressOrderPush? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.ToArray());
            var root = json.RootElement;
            return IopJson.Object(root, "data") is { } data && Whole(data, "orderId") is { } orderId && IopJson.Text(data, "orderStatus") is { } status
                   && Whole(root, "timestamp") is { } timestamp
                ? new AliExpressOrderPush(orderId, status, timestamp)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A whole number, as a JSON number or a string of digits (the gateway sends both).</summary>
    private static long? Whole(JsonElement parent, string name) =>
        long.TryParse(IopJson.Text(parent, name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The supplier order this app placed that AliExpress split into, among others, the order pushed.</summary>
    public async Task<SupplierOrder?> PlacedAsync(AppDbContext db, CancellationToken ct)
    {
        var id = $",{OrderId},";
        return await db.Set<SupplierOrder>().AsNoTracking()
            .Where(s => s.Marketplace == AliExpressWebhookReceiver.Marketplace && s.SupplierOrderIds != null && ("," + s.SupplierOrderIds + ",").Contains(id))
            .FirstOrDefaultAsync(ct);
    }
}
