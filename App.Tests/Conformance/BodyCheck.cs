using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Marketplaces.Tests.Conformance;

/// <summary>A request or response body against the media types an operation declares: JSON, or form-encoded fields.</summary>
public static class BodyCheck
{
    public const string Form = "application/x-www-form-urlencoded";

    public const string Multipart = "multipart/form-data";

    public static IReadOnlyList<string> Violations(IDictionary<string, IOpenApiMediaType> declared, string? contentType, string body)
    {
        if (Find(declared, contentType) is not { } mediaType)
            return [$"body: content type {contentType ?? "(none)"} is not one of {string.Join(", ", declared.Keys)}"];
        if (mediaType.Schema is not { } schema) return [];
        if (string.Equals(contentType, Form, StringComparison.OrdinalIgnoreCase)) return SchemaCheck.Violations(FormFields(body, schema), schema, "body");
        if (string.Equals(contentType, Multipart, StringComparison.OrdinalIgnoreCase)) return SchemaCheck.Violations(MultipartFields(body, schema), schema, "body");
        try
        {
            return SchemaCheck.Violations(JsonNode.Parse(body), schema, "body");
        }
        catch (JsonException e)
        {
            return [$"body: not JSON ({e.Message})"];
        }
    }

    /// <summary>The declared media type for <paramref name="contentType"/>: exact, then <c>type/*</c>, then <c>*/*</c>.</summary>
    private static IOpenApiMediaType? Find(IDictionary<string, IOpenApiMediaType> declared, string? contentType)
    {
        if (contentType is null) return null;
        string[] candidates = [contentType, contentType.Split('/')[0] + "/*", "*/*"];
        return candidates.Select(c => declared.FirstOrDefault(d => string.Equals(d.Key.Split(';')[0].Trim(), c, StringComparison.OrdinalIgnoreCase)).Value)
            .FirstOrDefault(m => m is not null);
    }

    /// <summary>The fields as an object whose values are typed as the schema's properties want them.</summary>
    private static JsonObject FormFields(string body, IOpenApiSchema schema)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in QueryText.Pairs(body))
        {
            fields[name] = schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? SchemaCheck.FromText(value, property) : JsonValue.Create(value);
        }
        return fields;
    }

    /// <summary>
    /// A multipart body's parts as fields (its boundary is the first line): text parts typed as the schema wants them,
    /// a file part as a string, which is what the specs declare for one (<c>format: binary</c>).
    /// </summary>
    private static JsonObject MultipartFields(string body, IOpenApiSchema schema)
    {
        var fields = new JsonObject();
        var boundary = body.Split("\r\n", 2)[0];
        foreach (var part in body.Split(boundary).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
        {
            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (split < 0) continue;
            var headers = part[..split];
            var name = System.Text.RegularExpressions.Regex.Match(headers, "name=\"?([^\";\r\n]+)").Groups[1].Value;
            var value = part[(split + 4)..].TrimEnd('\r', '\n');
            fields[name] = headers.Contains("filename", StringComparison.OrdinalIgnoreCase) ? JsonValue.Create("(file)")
                : schema.Properties is { } properties && properties.TryGetValue(name, out var property) ? SchemaCheck.FromText(value, property) : JsonValue.Create(value);
        }
        return fields;
    }
}
