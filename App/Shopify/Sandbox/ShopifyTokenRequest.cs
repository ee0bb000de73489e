using System.Text.Json;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>A token request's fields, from a JSON body (what the official libraries send) or a form body.</summary>
internal sealed class ShopifyTokenRequest(IReadOnlyDictionary<string, string> fields)
{
    public string? this[string name] => fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <returns>null when the body is neither a JSON object nor a form.</returns>
    public static async Task<ShopifyTokenRequest?> ReadAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            return new ShopifyTokenRequest(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        }
        if (!http.HasJsonContentType()) return null;
        try
        {
            using var json = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            // "expiring" arrives as "1" from the libraries; a bare 1 means the same.
            return new ShopifyTokenRequest(json.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
