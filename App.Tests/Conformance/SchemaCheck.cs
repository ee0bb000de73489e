using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Marketplaces.Tests.Conformance;

/// <summary>
/// A JSON value against an OpenAPI schema: type (with nullable), enum, required and declared properties, items,
/// allOf/anyOf/oneOf, the date-time, date and int32 formats, numeric bounds, lengths and patterns.
/// Stricter than JSON Schema on purpose: an object may carry only the properties its schema declares (unless it
/// states additionalProperties), so an emulator's invented or misspelt field fails.
/// Known gap: Microsoft.OpenApi drops <c>nullable: true</c> from a schema without a <c>type</c> (Etsy's
/// <c>{"allOf":[…],"nullable":true}</c>, none of them on receipts), so a null there reads as a violation.
/// </summary>
public static partial class SchemaCheck
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new();

    public static IReadOnlyList<string> Violations(JsonNode? value, IOpenApiSchema schema, string path = "$")
    {
        var violations = new List<string>();
        Check(value, schema, path, violations, ownsProperties: true);
        return violations;
    }

    public static IReadOnlyList<string> Violations(JsonElement value, IOpenApiSchema schema) => Violations(JsonNode.Parse(value.GetRawText()), schema);

    /// <summary>
    /// What a text (a path or query parameter, a form field) stands for under <paramref name="schema"/>: a number or
    /// boolean when the schema wants one and the text is one, else the string itself, which the check then refuses.
    /// </summary>
    public static JsonNode? FromText(string text, IOpenApiSchema schema)
    {
        var type = schema.Type ?? 0;
        if ((type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        if (type.HasFlag(JsonSchemaType.Boolean) && text is "true" or "false") return JsonValue.Create(text == "true");
        return JsonValue.Create(text);
    }

    /// <param name="ownsProperties">False for an allOf part: the whole schema, not the part, says which properties are unknown.</param>
    private static void Check(JsonNode? value, IOpenApiSchema schema, string path, List<string> violations, bool ownsProperties)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        if (kind == JsonValueKind.Null && schema.Type is { } nullable && nullable.HasFlag(JsonSchemaType.Null)) return;
        if (schema.Type is { } type && !IsOf(type, value, kind))
        {
            violations.Add($"{path}: expected {Describe(type)}, got {Show(value)}");
            return;
        }
        if (schema.Enum is { Count: > 0 } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            violations.Add($"{path}: {Show(value)} is not one of {string.Join(", ", allowed.Select(Show))}");
        foreach (var part in schema.AllOf ?? []) Check(value, part, path, violations, ownsProperties: false);
        if (schema.AnyOf is { Count: > 0 } anyOf && !anyOf.Any(s => Violations(value, s, path).Count == 0))
            violations.Add($"{path}: matches none of the anyOf schemas");
        if (schema.OneOf is { Count: > 0 } oneOf && oneOf.Count(s => Violations(value, s, path).Count == 0) is var matches and not 1)
            violations.Add($"{path}: matches {matches} of the oneOf schemas, not exactly one");
        switch (kind)
        {
            case JsonValueKind.String when Text(value!) is { } text: CheckString(text, schema, path, violations); break;
            case JsonValueKind.Number: CheckNumber(Number(value!), schema, path, violations); break;
            case JsonValueKind.Array: CheckArray(value!.AsArray(), schema, path, violations); break;
            case JsonValueKind.Object: CheckObject(value!.AsObject(), schema, path, violations, ownsProperties); break;
        }
    }

    private static bool IsOf(JsonSchemaType type, JsonNode? value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => type.HasFlag(JsonSchemaType.Null),
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number) || (type.HasFlag(JsonSchemaType.Integer) && Number(value!) is { } n && n == decimal.Truncate(n)),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        _ => type.HasFlag(JsonSchemaType.Object),
    };

    private static void CheckString(string text, IOpenApiSchema schema, string path, List<string> violations)
    {
        var wellFormed = schema.Format switch
        {
            "date-time" => DateTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _),
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!wellFormed) violations.Add($"{path}: {Show(text)} is not a {schema.Format}");
        if (text.Length < schema.MinLength) violations.Add($"{path}: shorter than {schema.MinLength}");
        if (text.Length > schema.MaxLength) violations.Add($"{path}: longer than {schema.MaxLength}");
        if (schema.Pattern is { } pattern && !Patterns.GetOrAdd(pattern, p => new Regex(p)).IsMatch(text))
            violations.Add($"{path}: {Show(text)} does not match {pattern}");
    }

    private static void CheckNumber(decimal? number, IOpenApiSchema schema, string path, List<string> violations)
    {
        if (number is not { } n) return;
        if (Bound(schema.Minimum) is { } min && n < min) violations.Add($"{path}: {n} is below the minimum {min}");
        if (Bound(schema.Maximum) is { } max && n > max) violations.Add($"{path}: {n} is above the maximum {max}");
        if (Bound(schema.ExclusiveMinimum) is { } xmin && n <= xmin) violations.Add($"{path}: {n} is not above {xmin}");
        if (Bound(schema.ExclusiveMaximum) is { } xmax && n >= xmax) violations.Add($"{path}: {n} is not below {xmax}");
        if (schema.Format == "int32" && n is < int.MinValue or > int.MaxValue) violations.Add($"{path}: {n} is not an int32");
    }

    private static void CheckArray(JsonArray array, IOpenApiSchema schema, string path, List<string> violations)
    {
        if (array.Count < schema.MinItems) violations.Add($"{path}: fewer than {schema.MinItems} items");
        if (array.Count > schema.MaxItems) violations.Add($"{path}: more than {schema.MaxItems} items");
        if (schema.Items is not { } items) return;
        for (var i = 0; i < array.Count; i++) Check(array[i], items, $"{path}[{i}]", violations, ownsProperties: true);
    }

    private static void CheckObject(JsonObject value, IOpenApiSchema schema, string path, List<string> violations, bool ownsProperties)
    {
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (!value.ContainsKey(name)) violations.Add($"{path}: lacks the required {name}");
        }
        foreach (var (name, child) in value)
        {
            if (schema.Properties is { } properties && properties.TryGetValue(name, out var property)) Check(child, property, $"{path}.{name}", violations, ownsProperties: true);
            else if (!ownsProperties || Declares(schema, name)) continue;
            else if (schema.AdditionalProperties is { } additional) Check(child, additional, $"{path}.{name}", violations, ownsProperties: true);
            else if (!schema.AdditionalPropertiesAllowed || DeclaresAny(schema)) violations.Add($"{path}.{name}: not in the schema");
        }
    }

    private static bool Declares(IOpenApiSchema schema, string name) =>
        schema.Properties?.ContainsKey(name) == true || (schema.AllOf ?? []).Any(part => Declares(part, name));

    private static bool DeclaresAny(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } || (schema.AllOf ?? []).Any(DeclaresAny);

    private static decimal? Number(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static decimal? Bound(string? bound) =>
        decimal.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Describe(JsonSchemaType type) =>
        string.Join(" or ", Enum.GetValues<JsonSchemaType>().Where(t => type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()));

    private static string Show(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => Show(value?.ToJsonString() ?? "null"),
    };

    private static string Show(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$")]
    private static partial Regex DateTime();

    /// <summary>A string's text; null for an escaped unpaired surrogate, which the JSON grammar allows and .NET cannot decode.</summary>
    private static string? Text(JsonNode value)
    {
        try
        {
            return value.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
