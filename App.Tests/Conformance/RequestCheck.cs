using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Marketplaces.Tests.Conformance;

/// <summary>
/// A request against its operation: path and query parameters (required, typed, no undeclared query parameter),
/// the header parameters the operation requires (present; their values are not read), and the body.
/// Credentials are the security schemes' business, not parameters, so Authorization, x-amz-access-token and
/// x-api-key pass unread.
/// </summary>
public static class RequestCheck
{
    public static IReadOnlyList<string> Violations(SpecOperation operation, IReadOnlyDictionary<string, string> pathValues, ApiRequest request)
    {
        var violations = new List<string>();
        var query = QueryText.Pairs(request.Url.Query).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToList());
        foreach (var parameter in operation.Parameters)
        {
            var schema = parameter.Schema ?? new OpenApiSchema();
            switch (parameter.In)
            {
                case ParameterLocation.Path when pathValues.TryGetValue(parameter.Name!, out var value):
                    violations.AddRange(SchemaCheck.Violations(SchemaCheck.FromText(value, schema), schema, $"path {parameter.Name}"));
                    break;
                case ParameterLocation.Query when query.Remove(parameter.Name!, out var values):
                    violations.AddRange(QueryViolations(parameter, schema, values, operation.Spec.IsSwagger2));
                    break;
                case ParameterLocation.Query when parameter.Required:
                    violations.Add($"query {parameter.Name}: required, missing");
                    break;
                case ParameterLocation.Header when parameter.Required && !request.HeaderNames.Contains(parameter.Name!, StringComparer.OrdinalIgnoreCase):
                    violations.Add($"header {parameter.Name}: required, missing");
                    break;
            }
        }
        violations.AddRange(query.Keys.Select(name => $"query {name}: not a parameter of {operation.Name}"));
        violations.AddRange(BodyViolations(operation.Operation.RequestBody, request));
        return violations;
    }

    /// <summary>
    /// An array is one comma-separated value in Swagger 2.0 (csv, its default) and in OpenAPI 3 with explode off, and
    /// a repeated parameter with explode on (OpenAPI 3's default); anything else given twice is a mistake.
    /// </summary>
    private static IEnumerable<string> QueryViolations(IOpenApiParameter parameter, IOpenApiSchema schema, List<string> values, bool swagger2)
    {
        var where = $"query {parameter.Name}";
        var repeats = schema.Type?.HasFlag(JsonSchemaType.Array) == true && parameter.Explode && !swagger2;
        if (values.Count > 1 && !repeats) return [$"{where}: given {values.Count} times"];
        if (schema.Type?.HasFlag(JsonSchemaType.Array) != true) return SchemaCheck.Violations(SchemaCheck.FromText(values[0], schema), schema, where);
        var itemSchema = schema.Items ?? new OpenApiSchema();
        var items = repeats ? values : values[0].Split(',').ToList();
        return SchemaCheck.Violations(new JsonArray([.. items.Select(i => SchemaCheck.FromText(i, itemSchema))]), schema, where);
    }

    private static IReadOnlyList<string> BodyViolations(IOpenApiRequestBody? declared, ApiRequest request)
    {
        if (request.Body.Length == 0) return declared?.Required == true ? ["body: required, missing"] : [];
        if (declared?.Content is not { Count: > 0 } content) return ["body: the operation takes none"];
        return BodyCheck.Violations(content, request.ContentType, request.Body);
    }
}
