using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Marketplaces.Orders;

/// <summary>
/// Stores orders idempotently on (connection, external id): a new order is inserted, a known one is replaced with
/// its lines unless what arrived is older than what is stored; reading the same order again changes nothing but
/// <see cref="Order.LastSeenAt"/>. Runs inside the caller's transaction, as three set-based statements per page
/// (orders, then the changed orders' lines), because ingest speed is measured in thousands of orders a second.
/// </summary>
public static class OrderUpserts
{
    // The previous statuses are read from the statement's snapshot, so a changed status becomes one history event.
    private const string UpsertOrders = """
        WITH incoming AS (
            SELECT * FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::numeric[],
                                 $11::timestamptz[], $12::timestamptz[], $13::jsonb[], $14::text[], $15::jsonb[], $16::text[])
                AS t(id, external_id, status, marketplace_status, buyer_name, currency, total, created_at, updated_at, raw_payload,
                     order_number, ship_to, search_text)
        ), previous AS (
            SELECT o.external_id, o.marketplace_status FROM orders o
            WHERE o.connection_id = $1 AND o.external_id = ANY($5::text[])
        ), upserted AS (
            INSERT INTO orders (id, connection_id, marketplace, external_id, order_number, status, marketplace_status, buyer_name, ship_to,
                                currency, total, created_at, updated_at, raw_payload, search_text, first_seen_at, last_seen_at)
            SELECT t.id, $1, $2, t.external_id, t.order_number, t.status, t.marketplace_status, t.buyer_name, t.ship_to,
                   t.currency, t.total, t.created_at, t.updated_at, t.raw_payload, t.search_text, $3, $3
            FROM incoming t
            ON CONFLICT (connection_id, external_id) DO UPDATE SET
                order_number = EXCLUDED.order_number, status = EXCLUDED.status, marketplace_status = EXCLUDED.marketplace_status,
                buyer_name = EXCLUDED.buyer_name, ship_to = EXCLUDED.ship_to, currency = EXCLUDED.currency, total = EXCLUDED.total,
                created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at, raw_payload = EXCLUDED.raw_payload,
                search_text = EXCLUDED.search_text, last_seen_at = EXCLUDED.last_seen_at
            WHERE orders.updated_at <= EXCLUDED.updated_at
            RETURNING id, external_id, marketplace_status
        ), changes AS (
            INSERT INTO order_events (order_id, at, kind, message)
            SELECT u.id, $3, 'StatusChanged', 'Status changed from ' || p.marketplace_status || ' to ' || u.marketplace_status
            FROM upserted u JOIN previous p ON p.external_id = u.external_id
            WHERE p.marketplace_status <> u.marketplace_status
        )
        SELECT id, external_id FROM upserted
        """;

    private const string TouchOlder = "UPDATE orders SET last_seen_at = $3 WHERE connection_id = $1 AND external_id = ANY($2)";

    private const string DeleteLines = "DELETE FROM order_lines WHERE order_id = ANY($1)";

    private const string InsertLines = """
        INSERT INTO order_lines (order_id, external_line_id, sku, title, quantity, unit_price, currency)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::numeric[], $7::text[])
        """;

    public static async Task UpsertAsync(AppDbContext db, Connection connection, IReadOnlyList<MarketplaceOrder> orders,
        DateTimeOffset seenAt, CancellationToken ct)
    {
        if (orders.Count == 0) return;
        // One statement cannot update a row twice: of an order read twice in a page, the newest wins.
        var latest = orders.GroupBy(o => o.ExternalId).Select(g => g.MaxBy(o => o.UpdatedAt)!).ToList();
        await db.Database.OpenConnectionAsync(ct);
        var sql = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();

        var changed = new Dictionary<string, Guid>();
        await using (var upsert = Command(sql, tx, UpsertOrders,
            connection.Id, connection.Marketplace, seenAt.ToUniversalTime(),
            latest.Select(_ => Guid.NewGuid()).ToArray(), latest.Select(o => o.ExternalId).ToArray(),
            latest.Select(o => o.Status.ToString()).ToArray(), latest.Select(o => o.MarketplaceStatus).ToArray(),
            latest.Select(o => o.BuyerName).ToArray(), latest.Select(o => o.Currency).ToArray(), latest.Select(o => o.Total).ToArray(),
            latest.Select(o => o.CreatedAt.ToUniversalTime()).ToArray(), latest.Select(o => o.UpdatedAt.ToUniversalTime()).ToArray(), latest.Select(o => o.RawPayload).ToArray(),
            latest.Select(o => o.OrderNumber ?? o.ExternalId).ToArray(),
            latest.Select(o => o.ShipTo is null ? null : JsonSerializer.Serialize(o.ShipTo, JsonSerializerOptions.Web)).ToArray(),
            latest.Select(SearchText).ToArray()))
        await using (var reader = await upsert.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) changed[reader.GetString(1)] = reader.GetGuid(0);
        }

        var older = latest.Where(o => !changed.ContainsKey(o.ExternalId)).Select(o => o.ExternalId).ToArray();
        if (older.Length > 0)
        {
            await using var touch = Command(sql, tx, TouchOlder, connection.Id, older, seenAt.ToUniversalTime());
            await touch.ExecuteNonQueryAsync(ct);
        }
        if (changed.Count == 0) return;

        await using (var delete = Command(sql, tx, DeleteLines, changed.Values.ToArray()))
        {
            await delete.ExecuteNonQueryAsync(ct);
        }
        var lines = latest.Where(o => changed.ContainsKey(o.ExternalId))
            .SelectMany(o => o.Lines.Select(l => (OrderId: changed[o.ExternalId], Line: l))).ToList();
        if (lines.Count == 0) return;
        await using var insert = Command(sql, tx, InsertLines,
            lines.Select(l => l.OrderId).ToArray(), lines.Select(l => l.Line.ExternalLineId).ToArray(),
            lines.Select(l => l.Line.Sku).ToArray(), lines.Select(l => l.Line.Title).ToArray(),
            lines.Select(l => l.Line.Quantity).ToArray(), lines.Select(l => l.Line.UnitPrice).ToArray(),
            lines.Select(l => l.Line.Currency).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What the orders list's search matches: numbers, buyer and SKUs, lower case.</summary>
    public static string SearchText(MarketplaceOrder order) =>
        string.Join(' ', new[] { order.OrderNumber, order.ExternalId, order.BuyerName }.Concat(order.Lines.Select(l => l.Sku))
            .Where(p => !string.IsNullOrEmpty(p)).Distinct()).ToLowerInvariant();

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? tx, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, tx);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value switch
            {
                string[] texts => new NpgsqlParameter { Value = texts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
                _ => new NpgsqlParameter { Value = value ?? DBNull.Value },
            });
        }
        return command;
    }
}
