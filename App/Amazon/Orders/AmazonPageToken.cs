using System.Buffers.Text;
using System.Text.Json;

namespace Marketplaces.Amazon.Orders;

/// <summary>
/// Where the feed is in a searchOrders walk, as the engine stores it between pages and across restarts: Amazon's
/// nextToken, and the filters it was issued for, since every later page must repeat them unchanged
/// (orders_2026-01-01.json, Pagination). Amazon's token expires after 24 hours (<see cref="IssuedAt"/>).
/// </summary>
public sealed record AmazonPageToken(string NextToken, IReadOnlyList<string> MarketplaceIds, string LastUpdatedAfter, DateTimeOffset IssuedAt)
{
    /// <summary>A little under Amazon's 24 hours, so a token is never sent in its last minutes.</summary>
    public static readonly TimeSpan Usable = TimeSpan.FromHours(23);

    public bool Expired(DateTimeOffset now) => now - IssuedAt >= Usable;

    public string Write() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, JsonSerializerOptions.Web));

    /// <summary>The token, or null when there is none or it is not one of ours: the walk then starts again, which is harmless.</summary>
    public static AmazonPageToken? Read(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            var token = JsonSerializer.Deserialize<AmazonPageToken>(Base64Url.DecodeFromChars(text), JsonSerializerOptions.Web);
            return token is { NextToken.Length: > 0, MarketplaceIds.Count: > 0, LastUpdatedAfter.Length: > 0 } ? token : null;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }
}
