using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplaces.Sandbox;

namespace Marketplaces.Shopify.Sandbox;

/// <summary>
/// <c>/{shop}/admin/api/2026-10/graphql.json</c> (fact sheet §4): the access token in <c>X-Shopify-Access-Token</c>,
/// the query in a JSON body, request-level errors as <c>errors</c> with HTTP 200. It answers the <c>shop</c> query
/// for now; products and orders join the root fields here.
/// </summary>
internal sealed class ShopifyGraphQlEndpoint(SandboxGrants grants)
{
    private static readonly Dictionary<string, Func<ShopifyGrant, JsonNode?>> ShopFields = new()
    {
        ["name"] = grant => grant.ShopName,
        ["myshopifyDomain"] = grant => grant.Shop,
    };

    public async Task<IResult> HandleAsync(string shop, HttpRequest http, CancellationToken ct)
    {
        http.HttpContext.Response.Headers["X-Shopify-API-Version"] = ShopifySandbox.ApiVersion;
        var token = await grants.FindAsync(ShopifySandbox.Id, SandboxGrantKinds.Access, http.Headers[ShopifyAdminGraphQl.AccessTokenHeader], ct);
        if (token?.Read<ShopifyGrant>() is not { } grant || grant.Shop != shop)
            return Results.Json(new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" },
                statusCode: StatusCodes.Status401Unauthorized);
        if (await QueryAsync(http, ct) is not { } query)
            return Results.Json(new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } },
                statusCode: StatusCodes.Status400BadRequest);
        try
        {
            var data = new JsonObject();
            foreach (var field in GraphQlSelection.Parse(query))
                data[field.Name] = field.Name == "shop" ? Select(field, "Shop", ShopFields, grant) : throw Undefined(field, "QueryRoot");
            return Results.Json(new JsonObject { ["data"] = data, ["extensions"] = Cost() });
        }
        catch (FormatException e)
        {
            return Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = e.Message }) });
        }
    }

    private static JsonObject Select<T>(GraphQlField field, string type, Dictionary<string, Func<T, JsonNode?>> resolvers, T source)
    {
        if (field.Fields.Count == 0) throw new FormatException($"Field must have selections (field '{field.Name}' returns {type} but has no selections)");
        var result = new JsonObject();
        foreach (var selected in field.Fields)
        {
            if (!resolvers.TryGetValue(selected.Name, out var resolve)) throw Undefined(selected, type);
            if (selected.Fields.Count > 0) throw new FormatException($"Selections can't be made on scalars (field '{selected.Name}' of type '{type}')");
            result[selected.Name] = resolve(source);
        }
        return result;
    }

    private static FormatException Undefined(GraphQlField field, string type) => new($"Field '{field.Name}' doesn't exist on type '{type}'");

    private static async Task<string?> QueryAsync(HttpRequest http, CancellationToken ct)
    {
        if (!http.HasJsonContentType()) return null;
        try
        {
            using var body = await JsonDocument.ParseAsync(http.Body, cancellationToken: ct);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("query", out var query)
                && query.ValueKind == JsonValueKind.String ? query.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The cost block every Admin GraphQL answer carries (fact sheet §6); the sandbox does not throttle yet.</summary>
    private static JsonObject Cost() => new()
    {
        ["cost"] = new JsonObject
        {
            ["requestedQueryCost"] = 1,
            ["actualQueryCost"] = 1,
            ["throttleStatus"] = new JsonObject { ["maximumAvailable"] = 2000.0, ["currentlyAvailable"] = 1999, ["restoreRate"] = 100.0 },
        },
    };
}
