using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.Sandbox;

/// <summary>
/// A request body of fields sent either as a URL-encoded form or as a JSON object, as the marketplaces that take both
/// read it: strings as they are, numbers and booleans as their JSON text (<c>true</c>, <c>1</c>); nested values are not fields.
/// </summary>
public static class SandboxBody
{
    /// <returns>The fields, or null when the body is neither a form nor a JSON object.</returns>
    public static async Task<IReadOnlyDictionary<string, string>?> ReadFieldsAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
            return (await request.ReadFormAsync(ct)).ToDictionary(f => f.Key, f => f.Value.ToString());
        if (!request.HasJsonContentType()) return null;
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            var fields = new Dictionary<string, string>();
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String) fields[property.Name] = property.Value.GetString()!;
                else if (property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    fields[property.Name] = property.Value.GetRawText();
            }
            return fields;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <returns>The JSON object body, or null when the body is not JSON or not an object.</returns>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType()) return null;
        try
        {
            return await JsonNode.ParseAsync(request.Body, cancellationToken: ct) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
