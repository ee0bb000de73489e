using System.Text.Json.Nodes;

namespace Marketplaces.Amazon.Sandbox.Listings;

/// <summary>
/// Product Type Definitions 2020-09-01 (amazon.md: valid attribute names come from it): search by keywords or item
/// name, a type's definition with the link to its JSON Schema, and the schema itself, served from the emulator's own
/// address as Amazon serves it from a link (an S3 address, outside the SP-API).
/// </summary>
internal sealed class AmazonDefinitionsEndpoints(AmazonSpApi spApi)
{
    private const string Version = "U2026-11-20-000";

    public async Task<IResult> SearchAsync(HttpRequest request, CancellationToken ct)
    {
        var (seller, refusal) = await spApi.AuthorizeAsync(request, ct);
        if (seller is null) return refusal!;
        if (Marketplace(request) is { } invalid) return invalid;
        var itemName = request.Query["itemName"].ToString();
        var keywords = request.Query["keywords"].ToString().ToLowerInvariant().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (itemName.Length > 0 && keywords.Length > 0) return AmazonSpApi.InvalidInput("Use keywords or itemName, not both.");
        var types = itemName.Length > 0 ? AmazonSandboxProductTypes.ForItemName(itemName)
            : keywords.Length > 0 ? AmazonSandboxProductTypes.All.Where(t => keywords.Any(k => t.Name.Contains(k, StringComparison.OrdinalIgnoreCase) || t.Words.Contains(k))).ToList()
            : AmazonSandboxProductTypes.All;
        AmazonSpApi.Success(request.HttpContext.Response, "5.0");
        return Results.Json(new JsonObject
        {
            ["productTypes"] = new JsonArray([.. types.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name, ["displayName"] = t.DisplayName, ["marketplaceIds"] = new JsonArray(request.Query["marketplaceIds"].ToString()),
            })]),
            ["productTypeVersion"] = Version,
        });
    }

    public async Task<IResult> GetAsync(HttpRequest request, string productType, CancellationToken ct)
    {
        var (seller, refusal) = await spApi.AuthorizeAsync(request, ct);
        if (seller is null) return refusal!;
        if (Marketplace(request) is { } invalid) return invalid;
        if (AmazonSandboxProductTypes.Find(productType) is not { } type) return AmazonSpApi.NotFound($"Product type {productType} was not found.");
        var requirements = request.Query["requirements"].ToString() is { Length: > 0 } r ? r : "LISTING";
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var root = site + request.Path.Value![..request.Path.Value!.IndexOf("/sp-api/", StringComparison.Ordinal)];
        AmazonSpApi.Success(request.HttpContext.Response, "5.0");
        return Results.Json(new JsonObject
        {
            ["metaSchema"] = Link($"{root}/schemas/meta-schema-v1.json", "bWV0YS1zY2hlbWEtdjE="),
            ["schema"] = Link($"{root}/schemas/{type.Name}.json", AmazonSandboxProductTypes.Checksum(type)),
            ["requirements"] = requirements, ["requirementsEnforced"] = "ENFORCED",
            ["propertyGroups"] = new JsonObject
            {
                ["offer"] = Group("Offer", ["purchasable_offer", "fulfillment_availability", "condition_type"]),
                ["product_identity"] = Group("Product identity", ["item_name", "brand", "externally_assigned_product_identifier", "part_number"]),
                ["variations"] = Group("Variations", ["parentage_level", "child_parent_sku_relationship", "variation_theme"]),
            },
            ["locale"] = request.Query["locale"].ToString() is { Length: > 0 } locale ? locale : "en_US",
            ["marketplaceIds"] = new JsonArray(request.Query["marketplaceIds"].ToString()),
            ["productType"] = type.Name, ["displayName"] = type.DisplayName,
            ["productTypeVersion"] = new JsonObject { ["version"] = Version, ["latest"] = true, ["releaseCandidate"] = false },
        });
    }

    public IResult Schema(string file) =>
        AmazonSandboxProductTypes.Find(Path.GetFileNameWithoutExtension(file)) is { } type
            ? Results.Content(AmazonSandboxProductTypes.Schema(type).ToJsonString(), "application/schema+json")
            : Results.NotFound();

    private static IResult? Marketplace(HttpRequest request) =>
        request.Query["marketplaceIds"].ToString() is { Length: > 0 } id && AmazonSandboxAccount.Marketplaces.Any(m => m.Id == id)
            ? null
            : AmazonSpApi.InvalidInput("marketplaceIds must name one marketplace the seller participates in.");

    private static JsonObject Link(string resource, string checksum) =>
        new() { ["link"] = new JsonObject { ["resource"] = resource, ["verb"] = "GET" }, ["checksum"] = checksum };

    private static JsonObject Group(string title, string[] names) =>
        new() { ["title"] = title, ["description"] = title, ["propertyNames"] = new JsonArray([.. names.Select(n => (JsonNode)n)]) };
}
