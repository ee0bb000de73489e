using System.Net.Http.Json;
using System.Text.Json;
using Marketplaces.Connections;

namespace Marketplaces.Shopify;

/// <summary>
/// Calls to the GraphQL Admin API (fact sheet §4) at the catalog's <c>graphql</c> URL, which pins the API version.
/// Request-level <c>errors</c> come back with HTTP 200 and are raised here; <c>userErrors</c> stay with the caller.
/// </summary>
public static class ShopifyAdminGraphQl
{
    public const string AccessTokenHeader = "X-Shopify-Access-Token";

    /// <returns>The response's <c>data</c>.</returns>
    public static async Task<JsonElement> QueryAsync(
        HttpClient client, MarketplaceTarget target, string accessToken, string query, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Endpoints.Url("graphql"))
        {
            Content = JsonContent.Create(new { query }),
        };
        request.Headers.Add(AccessTokenHeader, accessToken);
        using var response = await MarketplaceHttp.SendAsync(client, request, target.Marketplace.Name, ct);
        using var json = await MarketplaceHttp.ReadJsonAsync(response, target.Marketplace.Name, ct);
        var root = json.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            throw Failure(errors[0], (int)response.StatusCode);
        return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data.Clone()
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Shopify's GraphQL answer has no data");
    }

    private static MarketplaceException Failure(JsonElement error, int status)
    {
        var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        var code = error.TryGetProperty("extensions", out var e) && e.TryGetProperty("code", out var c) ? c.GetString() : null;
        var kind = code == "THROTTLED" ? MarketplaceErrorKind.RateLimited : MarketplaceErrorKind.Rejected;
        return new MarketplaceException(kind, $"Shopify's GraphQL API answered: {message ?? code ?? "an error"}", code, statusCode: status);
    }
}
