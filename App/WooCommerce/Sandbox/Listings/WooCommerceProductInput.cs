using System.Globalization;
using System.Text.Json;

namespace Marketplaces.WooCommerce.Sandbox.Listings;

/// <summary>
/// A product or variation body read as WordPress validates it against the route's schema: strings must be strings
/// (a price sent as a number is refused, woocommerce.md §5), integers and booleans may also come as their text, enums
/// must be one of theirs. Each refused argument is named, as <c>rest_invalid_param</c> lists them.
/// </summary>
public sealed class WooCommerceProductInput(Dictionary<string, JsonElement> body)
{
    public static readonly string[] Types = ["simple", "grouped", "external", "variable"];
    public static readonly string[] Statuses = ["draft", "pending", "private", "publish", "future"];

    public Dictionary<string, (string Code, string Message)> Invalid { get; } = [];

    public bool Has(string name) => body.ContainsKey(name);

    public string? Text(string name, string[]? allowed = null)
    {
        if (!body.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            Invalid[name] = ("rest_invalid_type", $"{name} is not of type string.");
            return null;
        }
        var text = value.GetString()!;
        if (allowed is not null && !allowed.Contains(text))
        {
            Invalid[name] = ("rest_not_in_enum", $"{name} is not one of {WooCommerceErrors.List(allowed)}.");
            return null;
        }
        return text;
    }

    /// <summary>A price: a string holding a number (or empty, for no price).</summary>
    public string? Price(string name)
    {
        var text = Text(name);
        if (text is { Length: > 0 } && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            Invalid[name] = ("rest_invalid_param", $"{name} is not a valid price.");
        return text;
    }

    public int? Integer(string name)
    {
        if (!body.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)) return n;
        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out n)) return n;
        Invalid[name] = ("rest_invalid_type", $"{name} is not of type integer.");
        return null;
    }

    public bool? Boolean(string name)
    {
        if (!body.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
        if (value.ValueKind == JsonValueKind.String && value.GetString() is "true" or "1" or "false" or "0") return value.GetString() is "true" or "1";
        Invalid[name] = ("rest_invalid_type", $"{name} is not of type boolean.");
        return null;
    }

    public List<JsonElement>? Objects(string name)
    {
        if (!body.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            Invalid[name] = ("rest_invalid_type", $"{name} is not of type array.");
            return null;
        }
        var items = value.EnumerateArray().ToList();
        if (items.FindIndex(i => i.ValueKind != JsonValueKind.Object) is var bad and >= 0)
        {
            Invalid[name] = ("rest_invalid_type", $"{name}[{bad}] is not of type object.");
            return null;
        }
        return items;
    }

    public JsonElement? Object(string name) =>
        body.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
