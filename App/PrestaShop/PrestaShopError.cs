using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.PrestaShop;

/// <summary>Turns a failed webservice answer (JSON <c>{"errors":[{"code","message"}]}</c>, prestashop.md §3) into a typed failure.</summary>
public static class PrestaShopError
{
    public static async Task<MarketplaceException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var errors = Parse(await response.Content.ReadAsStringAsync(ct));
        var message = $"PrestaShop answered {status}" +
            (errors.Count > 0 ? ": " + string.Join("; ", errors.Select(e => $"{e.Message} ({e.Code})")) : "") +
            (response.Headers.Location is { } location ? $" and redirects to {location}: check the store URL" : "");
        var kind = status switch
        {
            429 => MarketplaceErrorKind.RateLimited,
            // A 5xx with a webservice error body (webservice disabled, code 22) needs the seller, not a retry.
            >= 500 or 408 when errors.Count == 0 => MarketplaceErrorKind.Transient,
            _ => MarketplaceErrorKind.Rejected,
        };
        return new MarketplaceException(kind, message, errors.FirstOrDefault().Code, response.Headers.RetryAfter?.Delta, status);
    }

    private static List<(string Code, string Message)> Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array) return [];
            return errors.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => (Text(e, "code"), Text(e, "message")))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Text(JsonElement error, string name) =>
        !error.TryGetProperty(name, out var value) ? "" : value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
}
