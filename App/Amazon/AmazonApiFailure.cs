using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Amazon;

/// <summary>
/// SP-API errors (<c>{"errors":[{code, message, details}]}</c>, amazon.md §3) as a <see cref="MarketplaceException"/>: the
/// kind from the shared status table, the text from Amazon's first error, which the seller sees on a refused shipment.
/// </summary>
public static class AmazonApiFailure
{
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var json = await ParseAsync(response, ct);
        if (response.IsSuccessStatusCode && json is not null) return json;
        using (json) throw From(response, json);
    }

    /// <summary>For operations that answer 204 with no body (confirmShipment).</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        using var json = await ParseAsync(response, ct);
        throw From(response, json);
    }

    public static MarketplaceException From(HttpResponseMessage response, JsonDocument? json)
    {
        var general = MarketplaceHttp.Failure(response, json, "Amazon");
        if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root
            || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0)
            return general;
        var first = errors[0];
        var code = Text(first, "code");
        var message = Text(first, "message");
        var details = Text(first, "details");
        var text = $"Amazon answered {general.StatusCode}" + (code is null ? "" : $": {code}") + (message is null ? "" : $" {message}")
                   + (string.IsNullOrEmpty(details) || details == message ? "" : $" ({details})");
        return new MarketplaceException(general.Kind, text, code, general.RetryAfter, general.StatusCode);
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

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
