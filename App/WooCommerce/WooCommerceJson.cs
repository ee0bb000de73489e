using System.Globalization;
using System.Text.Json;

namespace Marketplaces.WooCommerce;

/// <summary>Reading wc/v3 answers: a resource's numeric <c>id</c> as text.</summary>
public static class WooCommerceJson
{
    public static string? Id(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n)
            ? n.ToString(CultureInfo.InvariantCulture)
            : null;
}
