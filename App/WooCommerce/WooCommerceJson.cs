using System.Globalization;
using System.Text.Json;

namespace Marketplaces.WooCommerce;

/// <summary>Reading wc/v3 answers: a resource's numeric <c>id</c> as text, and a string field or null.</summary>
public static class WooCommerceJson
{
    public static string? Id(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : null;

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
