using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Ebay.Orders;

/// <summary>
/// eBay REST errors (<c>{"errors":[{errorId, message, longMessage}]}</c>, ebay.md §3) as a <see cref="MarketplaceException"/>:
/// the kind from the shared status table, the message from eBay's first error.
/// </summary>
public static class EbayApiFailure
{
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var json = await ParseAsync(response, ct);
        if (response.IsSuccessStatusCode && json is not null) return json;
        using (json) throw From(response, json);
    }

    /// <summary>For calls that answer with headers only (createShippingFulfillment's 201): throws unless it succeeded.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        using var json = await ParseAsync(response, ct);
        throw From(response, json);
    }

    private static async Task<JsonDocument?> ParseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return body.Length > 0 ? JsonDocument.Parse(body) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static MarketplaceException From(HttpResponseMessage response, JsonDocument? json)
    {
        var general = MarketplaceHttp.Failure(response, json, "eBay");
        if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            return general;
        var first = errors[0];
        var id = first.TryGetProperty("errorId", out var e) && e.TryGetInt32(out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var message = first.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var longMessage = first.TryGetProperty("longMessage", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        var text = $"eBay answered {general.StatusCode}" + (id is null ? "" : $": {id}") + (message is null ? "" : $" {message}")
                   + (longMessage is null || longMessage == message ? "" : $" ({longMessage})");
        return new MarketplaceException(general.Kind, text, id, general.RetryAfter, general.StatusCode);
    }
}
