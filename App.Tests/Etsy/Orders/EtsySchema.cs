using System.Text.Json;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Etsy.Orders;

/// <summary>
/// Checks JSON against the Open API v3 receipt schemas (etsy-receipt-schemas.json, copied from
/// shared/specs/etsy/3.0.0.json without descriptions, since specs/ is not there in CI): every property declared,
/// of its type, non-null unless nullable, within enum and minimum, required ones present.
/// </summary>
public static class EtsySchema
{
    private static readonly Lazy<JsonElement> Schemas = new(() =>
    {
        var path = Path.Combine(RepositoryRoot.Path, "App.Tests", "Etsy", "Orders", "etsy-receipt-schemas.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("schemas").Clone();
    });

    public static IReadOnlyList<string> Violations(JsonElement value, string schemaName)
    {
        var violations = new List<string>();
        Check(value, Schemas.Value.GetProperty(schemaName), "$", violations);
        return violations;
    }

    private static void Check(JsonElement value, JsonElement schema, string path, List<string> violations)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Schemas.Value.GetProperty(reference.GetString()!.Split('/')[^1]), path, violations);
            return;
        }
        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray()) Check(value, part, path, violations);
            return;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean())) violations.Add($"{path}: null but not nullable");
            return;
        }
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : "object";
        var ok = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            _ => value.ValueKind == JsonValueKind.Object,
        };
        if (!ok)
        {
            violations.Add($"{path}: expected {type}, got {value.ValueKind}");
            return;
        }
        if (schema.TryGetProperty("enum", out var choices) && choices.EnumerateArray().All(c => c.GetRawText() != value.GetRawText()))
            violations.Add($"{path}: {value.GetRawText()} is not in the enum");
        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
            violations.Add($"{path}: {value.GetRawText()} is below the minimum {minimum.GetRawText()}");
        if (type == "array")
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(item, schema.GetProperty("items"), $"{path}[{i++}]", violations);
        }
        else if (type == "object")
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                    Check(property.Value, propertySchema, $"{path}.{property.Name}", violations);
                else violations.Add($"{path}.{property.Name}: not in the schema");
            }
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                    violations.Add($"{path}.{name}: required but missing");
            }
        }
    }
}
