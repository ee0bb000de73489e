using System.Text.Json;
using Marketplaces.Tests.Conformance;

namespace Marketplaces.Tests.Etsy.Orders;

/// <summary>Where a JSON value breaks one of the Open API v3 schemas, by the suite's one conformance checker.</summary>
public static class EtsySchema
{
    private static readonly OpenApiSpec OpenApi = OpenApiSpec.Load("etsy/3.0.0.json");

    public static IReadOnlyList<string> Violations(JsonElement value, string schemaName) => SchemaCheck.Violations(value, OpenApi.Schema(schemaName));
}
