using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.WooCommerce;

/// <summary>
/// The keys a store POSTs to our callback after the seller approves (woocommerce.md §2.2). <c>user_id</c> is echoed
/// as sent, so it arrives as a JSON string, although the docs show a number: both are read.
/// </summary>
public sealed record WooCommerceKeyDelivery(string UserId, string ConsumerKey, string ConsumerSecret)
{
    public static async Task<WooCommerceKeyDelivery?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var userId = root.TryGetProperty("user_id", out var id) ? id.ValueKind switch
            {
                JsonValueKind.String => id.GetString(),
                JsonValueKind.Number => id.GetRawText(),
                _ => null,
            } : null;
            var key = JsonText.Of(root, "consumer_key");
            var secret = JsonText.Of(root, "consumer_secret");
            return userId is { Length: > 0 } && key is { Length: > 0 } && secret is { Length: > 0 } ? new(userId, key, secret) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Never the keys: records print their members.</summary>
    public override string ToString() => "WooCommerceKeyDelivery";
}
