using System.Text.Json;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Ebay.Orders;

/// <summary>
/// Checks JSON against the Fulfillment API's schemas (fulfillment-order-schemas.json, copied from
/// shared/specs/ebay/sell_fulfillment_v1_oas3.json without descriptions, since specs/ is not there in CI): every
/// property must be one the schema declares, with the declared type.
/// </summary>
public static class OrderSchema
{
    private static readonly Lazy<JsonElement> Schemas = new(() =>
    {
        var path = Path.Combine(RepositoryRoot.Path, "App.Tests", "Ebay", "Orders", "fulfillment-order-schemas.json");
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
        if (type == "array")
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(item, schema.GetProperty("items"), $"{path}[{i++}]", violations);
        }
        else if (type == "object" && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in value.EnumerateObject())
            {
                if (properties.TryGetProperty(property.Name, out var propertySchema)) Check(property.Value, propertySchema, $"{path}.{property.Name}", violations);
                else violations.Add($"{path}.{property.Name}: not in the schema");
            }
        }
    }
}
