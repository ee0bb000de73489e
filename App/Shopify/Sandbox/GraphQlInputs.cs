using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// Input coercion against <see cref="ShopifySchema"/>: variables from the request's JSON, arguments from literals
/// or variables. Enum literals must be enum names and strings strings; input objects take only their own fields
/// and need their required ones. Failures are <see cref="FormatException"/>s worded as Shopify words them.
/// </summary>
internal sealed class GraphQlInputs
{
    private readonly Dictionary<string, (GraphQlType Type, JsonNode? Value)> _variables = new();

    /// <param name="given">The request's <c>variables</c> object (null when it sent none).</param>
    public GraphQlInputs(GraphQlDocument document, JsonObject? given)
    {
        foreach (var variable in document.Variables)
        {
            if (!ShopifySchema.IsInputType(Named(variable.Type)))
                throw new FormatException($"{Named(variable.Type)} isn't a defined input type (on ${variable.Name})");
            JsonNode? value;
            if (given is not null && given.TryGetPropertyValue(variable.Name, out var sent))
                value = FromJson(sent, variable.Type, $"Variable ${variable.Name} of type {variable.Type} was provided invalid value", []);
            else if (variable.Default is not null) value = FromLiteral(variable.Default, variable.Type, $"Default value for ${variable.Name}", []);
            else if (variable.Type.NonNull) throw new FormatException($"Variable ${variable.Name} of type {variable.Type} was provided invalid value (Expected value to not be null)");
            else value = null;
            _variables[variable.Name] = (variable.Type, value);
        }
        var used = new HashSet<string>(document.ConditionVariables);
        foreach (var field in document.Fields) Collect(field, used);
        if (document.Variables.FirstOrDefault(v => !used.Contains(v.Name)) is { } unused)
            throw new FormatException($"Variable ${unused.Name} is declared by {document.Name ?? "anonymous " + document.Operation} but not used");
    }

    /// <summary>The field's arguments coerced to the types its spec declares; absent optional ones are left out.</summary>
    public Dictionary<string, JsonNode?> Arguments(GraphQlField field, FieldSpec spec)
    {
        var coerced = new Dictionary<string, JsonNode?>();
        foreach (var (name, value) in field.Arguments)
        {
            if (!spec.Arguments.TryGetValue(name, out var declared)) throw new FormatException($"Field '{field.Name}' doesn't accept argument '{name}'");
            var type = GraphQlParser.ParseType(declared);
            if (value is GraphQlVariableValue variable)
            {
                if (!_variables.TryGetValue(variable.Name, out var defined))
                    throw new FormatException($"Variable ${variable.Name} is used by {field.Name} but not declared");
                if (!Fits(defined.Type, type, defined.Value is not null))
                    throw new FormatException($"Type mismatch on variable ${variable.Name} and argument {name} ({defined.Type} / {type})");
                coerced[name] = defined.Value?.DeepClone();
            }
            else coerced[name] = FromLiteral(value, type, $"Argument '{name}' on Field '{field.Name}' has an invalid value", []);
        }
        var missing = spec.Arguments.Where(a => a.Value.EndsWith('!') && coerced.GetValueOrDefault(a.Key) is null).Select(a => a.Key).ToList();
        if (missing.Count > 0) throw new FormatException($"Field '{field.Name}' is missing required arguments: {string.Join(", ", missing)}");
        return coerced;
    }

    private static void Collect(GraphQlField field, HashSet<string> used)
    {
        foreach (var value in field.Arguments.Values) Collect(value, used);
        foreach (var child in field.Fields) Collect(child, used);
    }

    private static void Collect(GraphQlValue value, HashSet<string> used)
    {
        switch (value)
        {
            case GraphQlVariableValue variable: used.Add(variable.Name); break;
            case GraphQlListValue list: foreach (var item in list.Items) Collect(item, used); break;
            case GraphQlObjectValue obj: foreach (var item in obj.Fields.Values) Collect(item, used); break;
        }
    }

    /// <summary>A variable fits where its type is the argument's, or the non-null form of it (or it has a value for a non-null argument).</summary>
    private static bool Fits(GraphQlType variable, GraphQlType argument, bool hasValue) =>
        (variable.NonNull || !argument.NonNull || hasValue)
        && (variable.Item is null ? argument.Item is null && variable.Name == argument.Name
            : argument.Item is not null && Fits(variable.Item, argument.Item, false));

    private JsonNode? FromLiteral(GraphQlValue value, GraphQlType type, string context, List<string> path)
    {
        switch (value)
        {
            case GraphQlVariableValue variable:
                return _variables.TryGetValue(variable.Name, out var defined) ? FromJson(defined.Value?.DeepClone(), type, context, path)
                    : throw new FormatException($"Variable ${variable.Name} is used but not declared");
            case GraphQlEnumValue enumValue when type.Item is null && ShopifySchema.Enums.ContainsKey(type.Name!):
                return FromJson(JsonValue.Create(enumValue.Name), type, context, path);
            case GraphQlEnumValue enumValue:
                throw Invalid(context, path, enumValue.Name, type);
            case GraphQlLiteral { Value: JsonValue text } when text.GetValueKind() == JsonValueKind.String && Named(type) is var named
                                                               && ShopifySchema.Enums.ContainsKey(named):
                throw Invalid(context, path, text.ToJsonString(), type);
            case GraphQlListValue list when type.Item is not null:
                return new JsonArray(list.Items.Select((item, i) => FromLiteral(item, type.Item, context, [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)])).ToArray());
            case GraphQlObjectValue obj when type.Item is null && ShopifySchema.Inputs.TryGetValue(type.Name!, out var fields):
                var result = new JsonObject();
                foreach (var (name, item) in obj.Fields)
                {
                    if (!fields.TryGetValue(name, out var fieldType)) throw new FormatException($"{context} (Field is not defined on {type.Name}: {name})");
                    result[name] = FromLiteral(item, GraphQlParser.ParseType(fieldType), context, [.. path, name]);
                }
                return RequireFields(result, type.Name!, fields, context, path);
            case GraphQlLiteral literal:
                return FromJson(literal.Value, type, context, path);
            default:
                throw Invalid(context, path, "…", type);
        }
    }

    private static JsonNode? FromJson(JsonNode? value, GraphQlType type, string context, List<string> path)
    {
        if (value is null)
            return type.NonNull ? throw new FormatException($"{context}{Where(path)} (Expected value to not be null)") : null;
        if (type.Item is not null)
        {
            return value is JsonArray items
                ? new JsonArray(items.Select((item, i) => FromJson(item?.DeepClone(), type.Item, context, [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)])).ToArray())
                : new JsonArray(FromJson(value.DeepClone(), type.Item, context, path));
        }
        var name = type.Name!;
        if (ShopifySchema.Inputs.TryGetValue(name, out var fields))
        {
            if (value is not JsonObject obj) throw Invalid(context, path, value.ToJsonString(), type);
            var result = new JsonObject();
            foreach (var (field, item) in obj)
            {
                if (!fields.TryGetValue(field, out var fieldType)) throw new FormatException($"{context}{Where(path)} (Field is not defined on {name}: {field})");
                result[field] = FromJson(item?.DeepClone(), GraphQlParser.ParseType(fieldType), context, [.. path, field]);
            }
            return RequireFields(result, name, fields, context, path);
        }
        var element = JsonSerializer.SerializeToElement(value);
        var kind = element.ValueKind;
        var fits = name switch
        {
            "Int" => kind == JsonValueKind.Number && element.TryGetInt32(out _),
            "Float" => kind == JsonValueKind.Number,
            "Boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "ID" => kind == JsonValueKind.String || kind == JsonValueKind.Number && element.TryGetInt64(out _),
            "URL" => kind == JsonValueKind.String && Uri.TryCreate(element.GetString(), UriKind.Absolute, out _),
            _ when ShopifySchema.Enums.TryGetValue(name, out var values) => kind == JsonValueKind.String && values.Contains(element.GetString()),
            _ => kind == JsonValueKind.String,
        };
        if (!fits) throw Invalid(context, path, value.ToJsonString(), type);
        // Element-backed values read back as any numeric type; IDs sent as numbers are strings to Shopify.
        return name == "ID" && kind == JsonValueKind.Number ? JsonValue.Create(element.GetRawText()) : JsonNode.Parse(element.GetRawText());
    }

    private static JsonObject RequireFields(JsonObject result, string type, Dictionary<string, string> fields, string context, List<string> path)
    {
        if (fields.FirstOrDefault(f => f.Value.EndsWith('!') && result[f.Key] is null) is { Key: not null } missing)
            throw new FormatException($"{context}{Where([.. path, missing.Key])} (Expected value to not be null)");
        return result;
    }

    private static FormatException Invalid(string context, List<string> path, string value, GraphQlType type) =>
        new($"{context}{Where(path)} ({value}). Expected type '{type}'.");

    private static string Where(List<string> path) => path.Count == 0 ? "" : " for " + string.Join('.', path);

    private static string Named(GraphQlType type) => type.Item is null ? type.Name! : Named(type.Item);
}
