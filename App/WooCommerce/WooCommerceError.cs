using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.WooCommerce;

/// <summary>Turns a failed REST answer (WordPress error body <c>{"code","message","data":{"status"}}</c>) into a typed failure.</summary>
public static class WooCommerceError
{
    public static async Task<MarketplaceException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var (code, message) = Parse(await response.Content.ReadAsStringAsync(ct));
        var text = $"WooCommerce answered {status}" + (code is null ? "" : $": {code}") + (message is null ? "" : $" ({message})")
            + (response.Headers.Location is { } location ? $" and redirects to {location}: check the store URL" : "");
        var kind = status switch
        {
            429 => MarketplaceErrorKind.RateLimited,
            >= 500 or 408 => MarketplaceErrorKind.Transient,
            _ => MarketplaceErrorKind.Rejected,
        };
        return new MarketplaceException(kind, text, code, response.Headers.RetryAfter?.Delta, status);
    }

    private static (string? Code, string? Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, null);
            return (Text(root, "code"), Text(root, "message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
