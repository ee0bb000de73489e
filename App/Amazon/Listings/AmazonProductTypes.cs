using System.Text.Json;
using Marketplaces.Connections;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplaces.Amazon.Listings;

/// <summary>
/// Product Type Definitions (amazon.md: valid attribute names and shapes come from it): the types a seller can list
/// as, the one Amazon suggests for an item name, and a type's attributes and requirements read from the JSON Schema
/// its definition links to, kept an hour by the schema's checksum.
/// </summary>
internal sealed class AmazonProductTypes(IMemoryCache cache, TimeProvider clock)
{
    private const string Definitions = "/definitions/2020-09-01/productTypes";

    public async Task<IReadOnlyList<(string Name, string DisplayName)>> AllAsync(ConnectionApi api, string marketplaceId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("amazon-product-types", api.Target.Endpoints.ApiBaseUrl, marketplaceId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            return await SearchAsync(api, marketplaceId, "", ct);
        }))!;

    /// <summary>searchDefinitionsProductTypes by item name, Amazon's way to find the type for a title.</summary>
    public async Task<string> SuggestedAsync(ConnectionApi api, string marketplaceId, string title, CancellationToken ct) =>
        (await SearchAsync(api, marketplaceId, $"&itemName={Uri.EscapeDataString(title)}", ct)).Select(t => t.Name).FirstOrDefault()
        ?? throw new MarketplaceException(MarketplaceErrorKind.Rejected, $"Amazon suggested no product type for \"{title}\": choose one in the connection's channel settings.");

    public Task<AmazonSchema> SchemaAsync(ConnectionApi api, string marketplaceId, string productType, CancellationToken ct) =>
        cache.GetOrCreateAsync(("amazon-schema", api.Target.Endpoints.ApiBaseUrl, marketplaceId, productType), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1);
            var url = $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}{Definitions}/{Uri.EscapeDataString(productType)}?marketplaceIds={marketplaceId}&requirements=LISTING&locale=en_US";
            using var response = await api.SendAsync(token => AmazonRequests.Create(api.Connection.AccountId, "getDefinitionsProductType", HttpMethod.Get, url, token, clock.GetUtcNow()), ct);
            using var definition = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
            var link = definition.RootElement.GetProperty("schema").GetProperty("link").GetProperty("resource").GetString()!;
            // The schema lives outside the SP-API (Amazon: a signed S3 address): fetched without the seller's token.
            using var schemaResponse = await api.SendAsIsAsync(new HttpRequestMessage(HttpMethod.Get, link), ct);
            using var schema = await MarketplaceHttp.ReadJsonAsync(schemaResponse, "Amazon", ct);
            var properties = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var required = schema.RootElement.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!).ToList() : [];
            return new AmazonSchema(productType, properties, required);
        })!;

    private async Task<List<(string Name, string DisplayName)>> SearchAsync(ConnectionApi api, string marketplaceId, string query, CancellationToken ct)
    {
        var url = $"{api.Target.Endpoints.ApiBaseUrl.TrimEnd('/')}{Definitions}?marketplaceIds={marketplaceId}{query}";
        using var response = await api.SendAsync(token => AmazonRequests.Create(api.Connection.AccountId, "searchDefinitionsProductTypes", HttpMethod.Get, url, token, clock.GetUtcNow()), ct);
        using var json = await AmazonApiFailure.Errors.ReadJsonAsync(response, ct);
        return json.RootElement.GetProperty("productTypes").EnumerateArray()
            .Select(t => (t.GetProperty("name").GetString()!, t.TryGetProperty("displayName", out var d) ? d.GetString() ?? "" : "")).ToList();
    }
}

/// <summary>What a product type's schema defines and what a LISTING of it requires.</summary>
internal sealed record AmazonSchema(string ProductType, IReadOnlySet<string> Attributes, IReadOnlyList<string> Required);
