using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Connections;
using Marketplaces.Database;
using Marketplaces.Hosting;
using Marketplaces.Orders;
using Microsoft.EntityFrameworkCore;

namespace Marketplaces.Webhooks;

/// <summary>
/// What the app does for Shopify's mandatory privacy topics (shopify.md §2.6, payloads as given there): a buyer's data
/// request exports what the app holds on the orders named to <c>Data/exports</c> for the owner to send on; a buyer's
/// redaction erases name, address and the stored payload of the orders named; a shop's redaction deletes the shop's
/// orders. Products stay (they are the seller's own). Each action goes into the connection history, without buyer data.
/// </summary>
public sealed class PrivacyRequests(IDbContextFactory<AppDbContext> contexts, ConnectionAudit audit, AppPaths paths, TimeProvider clock) : IWebhookHandler
{
    public bool Handles(WebhookEvent delivery) =>
        delivery.Kind is WebhookKind.CustomerDataRequest or WebhookKind.CustomerRedact or WebhookKind.ShopRedact or WebhookKind.AccountDeletion;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<(bool Failed, string Outcome)> HandleAsync(WebhookEvent request, CancellationToken ct)
    {
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body ?? "");
        }
        catch (JsonException)
        {
            return (true, "The request's body is not JSON");
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (request.Kind == WebhookKind.AccountDeletion) return (false, await EraseEbayUserAsync(db, request, body, ct));
        if (request.ConnectionId is not { } connectionId) return (false, "No connection here for this shop: the app holds nothing of it");
        var connection = await db.Set<Connection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == connectionId, ct);
        if (connection is null) return (false, "The connection is gone, with its orders");
        var outcome = request.Kind switch
        {
            WebhookKind.CustomerRedact => $"the buyer's name, address and order data erased from {Orders(await RedactAsync(db, connectionId, Ids(body?["orders_to_redact"]), ct))}",
            WebhookKind.ShopRedact => await EraseShopAsync(db, connectionId, ct),
            WebhookKind.CustomerDataRequest => await ExportAsync(db, connection, body, ct),
            _ => "Nothing to do",
        };
        await audit.RecordAsync(connection.Marketplace, connection.Environment, connection.Id, connection.DisplayName, WebhookProcessor.Actor,
            ConnectionAction.Privacy, true, $"{request.Topic}: {outcome}", ct);
        return (false, outcome);
    }

    /// <summary>
    /// eBay's marketplace account deletion (ebay.md): the user's name, address and order data erased from every eBay order
    /// that names them as buyer (the orders' own payload names the buyer's <c>username</c>).
    /// </summary>
    private async Task<string> EraseEbayUserAsync(AppDbContext db, WebhookEvent request, JsonNode? body, CancellationToken ct)
    {
        var username = body?["notification"]?["data"]?["username"]?.GetValue<string>();
        if (string.IsNullOrEmpty(username)) return "The deletion names no username: nothing to erase";
        var marker = $"\"username\":{JsonSerializer.Serialize(username)}";
        var connections = await db.Set<Connection>().AsNoTracking().Where(c => c.Marketplace == request.Marketplace).Select(c => c.Id).ToListAsync(ct);
        var erased = 0;
        foreach (var connectionId in connections)
        {
            var ids = await db.Set<Order>().Where(o => o.ConnectionId == connectionId && o.RawPayload.Contains(marker)).Select(o => o.ExternalId).ToListAsync(ct);
            if (ids.Count > 0) erased += await RedactAsync(db, connectionId, ids, ct);
        }
        var outcome = $"an eBay user's account was deleted: their name, address and order data erased from {Orders(erased)}";
        await audit.RecordAsync(request.Marketplace, null, null, null, WebhookProcessor.Actor, ConnectionAction.Privacy, true, outcome, ct);
        return outcome;
    }

    // Orders keep their payload in a table of their own (entity splitting), which bulk updates and deletes do not reach:
    // these load the orders and save them.
    private static async Task<int> RedactAsync(AppDbContext db, Guid connectionId, IReadOnlyList<string> orderIds, CancellationToken ct)
    {
        var orders = await db.Set<Order>().Where(o => o.ConnectionId == connectionId && orderIds.Contains(o.ExternalId)).ToListAsync(ct);
        foreach (var order in orders)
        {
            order.BuyerName = null;
            order.ShipTo = null;
            order.RawPayload = "{}";
            order.SearchText = order.OrderNumber.ToLowerInvariant();
        }
        await db.SaveChangesAsync(ct);
        return orders.Count;
    }

    private static async Task<string> EraseShopAsync(AppDbContext db, Guid connectionId, CancellationToken ct)
    {
        var deleted = 0;
        while (await db.Set<Order>().Where(o => o.ConnectionId == connectionId).OrderBy(o => o.Id).Take(500).ToListAsync(ct) is { Count: > 0 } batch)
        {
            db.RemoveRange(batch);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            deleted += batch.Count;
        }
        return $"the shop's {Orders(deleted)} deleted from this app";
    }

    private async Task<string> ExportAsync(AppDbContext db, Connection connection, JsonNode? body, CancellationToken ct)
    {
        var orderIds = Ids(body?["orders_requested"]);
        var orders = await db.Set<Order>().AsNoTracking().Include(o => o.Lines)
            .Where(o => o.ConnectionId == connection.Id && orderIds.Contains(o.ExternalId)).OrderBy(o => o.CreatedAt).ToListAsync(ct);
        var requestId = body?["data_request"]?["id"]?.ToJsonString().Trim('"') ?? clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var export = new
        {
            shop = connection.DisplayName, dataRequest = requestId, exportedAt = clock.GetUtcNow(),
            orders = orders.Select(o => new
            {
                o.OrderNumber, o.ExternalId, o.CreatedAt, o.Status, o.BuyerName, o.ShipTo, o.Currency, o.Total,
                Lines = o.Lines.Select(l => new { l.Sku, l.Title, l.Quantity, l.UnitPrice }),
            }),
        };
        Directory.CreateDirectory(paths.Exports);
        var file = $"{connection.Marketplace}-data-request-{string.Concat(requestId.Where(char.IsLetterOrDigit))}.json";
        await File.WriteAllTextAsync(Path.Combine(paths.Exports, file), JsonSerializer.Serialize(export, Indented), ct);
        return $"{Orders(orders.Count)} exported to Data/exports/{file}; send it to the shop owner";
    }

    private static List<string> Ids(JsonNode? list) =>
        list is JsonArray ids ? ids.Select(i => i?.ToJsonString().Trim('"')).Where(i => !string.IsNullOrEmpty(i)).Select(i => i!).ToList() : [];

    private static string Orders(int count) => count == 1 ? "1 order" : $"{count} orders";
}
