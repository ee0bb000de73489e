using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marketplaces.Connections;
using Marketplaces.Polling;

namespace Marketplaces.Orders;

/// <summary>A marketplace's orders feed: every marketplace's is named <see cref="FeedNames.Orders"/> and polled every 5 minutes unless configured.</summary>
public abstract class OrdersFeed : IFeed
{
    public abstract string MarketplaceId { get; }
    public string Name => FeedNames.Orders;
    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(5);

    public abstract Task<FeedPage> FetchAsync(FeedContext context, DateTimeOffset modifiedSince, string? pageToken, CancellationToken ct);

    /// <summary>
    /// One order of a page through its marketplace's mapping. An order that cannot be read (an amount that is not one,
    /// a missing date, an odd shape) does not fail its page: it comes back as needing attention, under its id
    /// (<paramref name="idProperty"/>) or, without one, a digest of its JSON, with the reason and the marketplace's record.
    /// </summary>
    protected static MarketplaceOrder Read(FeedContext context, JsonElement order, string idProperty, Func<JsonElement, MarketplaceOrder> map)
    {
        try
        {
            return map(order);
        }
        catch (Exception e) when (e is UnreadableValueException or MarketplaceException or FormatException or InvalidOperationException
                                      or KeyNotFoundException or OverflowException)
        {
            return MarketplaceOrder.Unreadable(IdOf(order, idProperty), order.GetRawText(), e.Message, context.Clock.GetUtcNow());
        }
    }

    private static string IdOf(JsonElement order, string idProperty) =>
        order.ValueKind == JsonValueKind.Object && order.TryGetProperty(idProperty, out var id)
        && id.ValueKind is JsonValueKind.String or JsonValueKind.Number && id.ToString() is { Length: > 0 } text
            ? text
            : "unreadable-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(order.GetRawText())))[..16];
}
