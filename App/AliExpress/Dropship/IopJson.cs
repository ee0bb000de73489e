using System.Globalization;
using System.Text.Json;

namespace Marketplaces.AliExpress.Dropship;

/// <summary>
/// Tolerant reads of the gateway's answers (aliexpress.md §4): a list arrives as an array or wrapped in an object
/// keyed by its element type (<c>{"delivery_option_d_t_o":[…]}</c>), numbers often as strings.
/// </summary>
public static class IopJson
{
    public static IEnumerable<JsonElement> List(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value)) return [];
        if (value.ValueKind == JsonValueKind.Array) return value.EnumerateArray();
        if (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array) is { Value.ValueKind: JsonValueKind.Array } wrapped)
            return wrapped.Value.EnumerateArray();
        return [];
    }

    public static JsonElement? Object(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>A number, also as a string with thousands separators or a trailing % ("1,204", "96.4%").</summary>
    public static decimal? Decimal(JsonElement parent, string name) =>
        decimal.TryParse(Text(parent, name)?.Replace(",", "").TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static int? Int(JsonElement parent, string name) => Decimal(parent, name) is { } n && n == Math.Floor(n) && n is >= int.MinValue and <= int.MaxValue ? (int)n : null;

    public static bool Flag(JsonElement parent, string name) => Text(parent, name) is "true" or "True";
}
