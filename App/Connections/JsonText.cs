using System.Text.Json;

namespace Marketplaces.Connections;

/// <summary>A marketplace answer's string field: its text when the element is an object whose property is a string, else null.</summary>
public static class JsonText
{
    public static string? Of(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
