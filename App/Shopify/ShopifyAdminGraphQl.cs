using System.Net.Http.Json;
using System.Text.Json;
using Marketplaces.Catalog;
using Marketplaces.Connections;
using Marketplaces.RateLimits;

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
        using var response = await MarketplaceHttp.SendAsync(client, Request(target, accessToken, query, null), target.Marketplace.Name, ct);
        using var json = await ReadAsync(response, ct);
        return Data(json.RootElement, response);
    }

    /// <summary>
    /// A call through a connection. All calls of one app to one shop share one cost bucket (§6), so they share the
    /// limiter's default group; each answer's cost tells the limiter how many such calls a second the bucket sustains
    /// and how many it holds now.
    /// </summary>
    /// <returns>The response's <c>data</c>.</returns>
    public static async Task<JsonElement> QueryAsync(ConnectionApi api, RateLimiter limiter, string query, object variables, CancellationToken ct)
    {
        var key = new RateLimitKey(api.Target.Marketplace.Id, api.Connection.AccountId, RateLimitDefinition.DefaultGroup);
        using var response = await api.SendAsync(token => key.Set(Request(api.Target, token, query, variables)), ct);
        using var json = await ReadAsync(response, ct);
        if (ShopifyQueryCost.Read(json.RootElement) is { CallsPerSecond: { } rate } cost) await limiter.ObserveRateAsync(key, rate, ct, cost.Bucket);
        return Data(json.RootElement, response);
    }

    private static HttpRequestMessage Request(MarketplaceTarget target, string accessToken, string query, object? variables)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target.Endpoints.Url("graphql"))
        {
            Content = variables is null ? JsonContent.Create(new { query }) : JsonContent.Create(new { query, variables }),
        };
        request.Headers.Add(AccessTokenHeader, accessToken);
        return request;
    }

    private static Task<JsonDocument> ReadAsync(HttpResponseMessage response, CancellationToken ct) =>
        MarketplaceHttp.ReadJsonAsync(response, (failed, json) =>
        {
            var general = MarketplaceHttp.Failure(failed, json, "Shopify");
            return ErrorsOf(json?.RootElement) is { } errors
                ? new MarketplaceException(general.Kind, $"{general.Message}: {Message(errors)}", Code(errors), general.RetryAfter, general.StatusCode)
                : general;
        }, ct);

    private static JsonElement Data(JsonElement root, HttpResponseMessage response)
    {
        if (ErrorsOf(root) is { } errors)
        {
            var code = Code(errors);
            var kind = code switch
            {
                "THROTTLED" => MarketplaceErrorKind.RateLimited,
                "INTERNAL_SERVER_ERROR" => MarketplaceErrorKind.Transient,
                _ => MarketplaceErrorKind.Rejected,
            };
            throw new MarketplaceException(kind, $"Shopify's GraphQL API answered: {Message(errors)}", code, statusCode: (int)response.StatusCode);
        }
        return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? data.Clone()
            : throw new MarketplaceException(MarketplaceErrorKind.Rejected, "Shopify's GraphQL answer has no data");
    }

    /// <summary>The top-level <c>errors</c>: a list of GraphQL errors, or a plain string (as on a 401).</summary>
    private static JsonElement? ErrorsOf(JsonElement? root) =>
        root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("errors", out var errors)
        && (errors.ValueKind == JsonValueKind.String || errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            ? errors
            : null;

    private static string Message(JsonElement errors) =>
        errors.ValueKind == JsonValueKind.String ? errors.GetString()!
            : string.Join("; ", errors.EnumerateArray().Select(e =>
                e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null)
                .Where(m => m is not null)
                .DefaultIfEmpty("an error"));

    private static string? Code(JsonElement? errors) =>
        errors is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object
        && list[0].TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object
        && e.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;
}
