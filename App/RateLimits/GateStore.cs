using Marketplaces.Database;
using Npgsql;

namespace Marketplaces.RateLimits;

/// <summary>
/// The gates' rows, written by compare-and-swap: a write names the version it read and is refused when any app
/// instance wrote the row in between. One statement, one round trip, no lock held beyond it; a refused write
/// returns the row as it is now.
/// </summary>
public sealed class GateStore(DatabaseConnection database)
{
    private const string Swap = """
        WITH written AS (
            INSERT INTO rate_limit_gates AS g (marketplace, account, operation_group, version, bucket_tokens, bucket_refilled_at,
                base_rate, slow_factor, slowed_at, second_window, minute_window, day_started_at, day_counts, blocked_until, exhausted_until)
            VALUES ($1, $2, $3, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (marketplace, account, operation_group) DO UPDATE SET
                version = g.version + 1, bucket_tokens = EXCLUDED.bucket_tokens, bucket_refilled_at = EXCLUDED.bucket_refilled_at,
                base_rate = EXCLUDED.base_rate, slow_factor = EXCLUDED.slow_factor, slowed_at = EXCLUDED.slowed_at,
                second_window = EXCLUDED.second_window, minute_window = EXCLUDED.minute_window, day_started_at = EXCLUDED.day_started_at,
                day_counts = EXCLUDED.day_counts, blocked_until = EXCLUDED.blocked_until, exhausted_until = EXCLUDED.exhausted_until
            WHERE g.version = $4
            RETURNING *
        )
        SELECT true AS written, * FROM written
        UNION ALL
        SELECT false, * FROM rate_limit_gates
        WHERE marketplace = $1 AND account = $2 AND operation_group = $3 AND NOT EXISTS (SELECT FROM written)
        """;

    /// <summary>
    /// Writes <paramref name="proposed"/> if its row is still at <see cref="StoredGate.Version"/> (zero: no row yet).
    /// Written: the new version. Refused: the row as it stands, or an empty one at version zero when the row another
    /// instance has just inserted is not visible to this statement yet.
    /// </summary>
    public async Task<(bool Written, StoredGate Current)> SwapAsync(StoredGate proposed, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Swap, connection);
        foreach (var value in new object?[]
                 {
                     proposed.Marketplace, proposed.Account, proposed.OperationGroup, proposed.Version, proposed.BucketTokens,
                     Up(proposed.BucketRefilledAt), proposed.BaseRate, proposed.SlowFactor, Up(proposed.SlowedAt),
                     proposed.SecondWindow.Select(Up).ToArray(), proposed.MinuteWindow.Select(Up).ToArray(),
                     Up(proposed.DayStartedAt), proposed.DayCounts, Up(proposed.BlockedUntil), Up(proposed.ExhaustedUntil),
                 })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var empty = new StoredGate { Marketplace = proposed.Marketplace, Account = proposed.Account, OperationGroup = proposed.OperationGroup };
        if (!await reader.ReadAsync(ct)) return (false, empty);
        var written = reader.GetBoolean(0);
        if (written)
        {
            proposed.Version = reader.GetInt64(reader.GetOrdinal("version"));
            return (true, proposed);
        }
        return (false, Read(reader, empty));
    }

    private static StoredGate Read(NpgsqlDataReader row, StoredGate gate)
    {
        T? Nullable<T>(string column) where T : struct =>
            row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetFieldValue<T>(row.GetOrdinal(column));
        gate.Version = row.GetInt64(row.GetOrdinal("version"));
        gate.BucketTokens = Nullable<double>("bucket_tokens");
        gate.BucketRefilledAt = Nullable<DateTimeOffset>("bucket_refilled_at");
        gate.BaseRate = Nullable<double>("base_rate");
        gate.SlowFactor = row.GetDouble(row.GetOrdinal("slow_factor"));
        gate.SlowedAt = Nullable<DateTimeOffset>("slowed_at");
        gate.SecondWindow = row.GetFieldValue<DateTimeOffset[]>(row.GetOrdinal("second_window"));
        gate.MinuteWindow = row.GetFieldValue<DateTimeOffset[]>(row.GetOrdinal("minute_window"));
        gate.DayStartedAt = Nullable<DateTimeOffset>("day_started_at");
        gate.DayCounts = row.GetFieldValue<int[]>(row.GetOrdinal("day_counts"));
        gate.BlockedUntil = Nullable<DateTimeOffset>("blocked_until");
        gate.ExhaustedUntil = Nullable<DateTimeOffset>("exhausted_until");
        return gate;
    }

    // PostgreSQL keeps microseconds: rounding up makes every stored time a little later, which only ever
    // holds a call back longer, never lets one through early.
    private static DateTimeOffset Up(DateTimeOffset at)
    {
        var ticks = at.UtcTicks + (TimeSpan.TicksPerMicrosecond - 1);
        return new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    private static DateTimeOffset? Up(DateTimeOffset? at) => at is { } value ? Up(value) : null;
}
