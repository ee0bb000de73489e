using System.Globalization;
using System.Text.Json;

namespace Marketplaces.PrestaShop;

/// <summary>
/// Reading webservice JSON: values are strings except the top-level <c>id</c> (a number), and a multilingual field
/// is a plain string with one language output, else <c>[{"id":"1","value":"…"},…]</c> (prestashop.md §2).
/// </summary>
public static class PrestaShopJson
{
    public static string? Text(JsonElement row, string field)
    {
        if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty(field, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Array => value.EnumerateArray().Select(v => Text(v, "value")).FirstOrDefault(v => !string.IsNullOrEmpty(v)),
            _ => null,
        };
    }

    public static decimal Decimal(JsonElement row, string field) =>
        decimal.TryParse(Text(row, field), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : 0m;

    public static IEnumerable<JsonElement> Association(JsonElement row, string name) =>
        row.TryGetProperty("associations", out var associations) && associations.ValueKind == JsonValueKind.Object
        && associations.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : [];
}
